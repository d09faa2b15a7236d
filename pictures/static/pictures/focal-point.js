// A picture's focal point (pictures/admin.py): click the picture to set it. The two
// number fields stay for the keyboard; crops beside the picture show what a 4:3 hero, a
// square portrait and a 16:9 banner keep, as the point moves.
(function () {
  "use strict";

  document.addEventListener("DOMContentLoaded", function () {
    var across = document.getElementById("id_focal_x");
    var down = document.getElementById("id_focal_y");
    var current = document.querySelector(".field-file a[href]");
    if (!across || !down || !current) return;

    var picker = document.createElement("div");
    picker.className = "focal-point";
    picker.innerHTML =
      '<p class="help" id="focal-point-help">Click the picture where it matters most: a face, say.</p>' +
      '<div class="focal-point__stage"><img class="focal-point__picture" alt="" aria-describedby="focal-point-help">' +
      '<span class="focal-point__marker" aria-hidden="true"></span></div>' +
      '<div class="focal-point__crops" aria-label="Crops around the focal point" role="group">' +
      '<figure><img alt=""><figcaption>4:3 hero</figcaption></figure>' +
      '<figure class="focal-point__square"><img alt=""><figcaption>Square</figcaption></figure>' +
      '<figure class="focal-point__wide"><img alt=""><figcaption>16:9 banner</figcaption></figure></div>';
    var picture = picker.querySelector(".focal-point__picture");
    var marker = picker.querySelector(".focal-point__marker");
    var crops = picker.querySelectorAll(".focal-point__crops img");
    picture.src = current.href;
    crops.forEach(function (crop) {
      crop.src = current.href;
    });
    across.closest(".form-row, .fieldBox").parentNode.insertBefore(
      picker,
      across.closest(".form-row, .fieldBox")
    );

    function show() {
      var x = Math.min(100, Math.max(0, Number(across.value) || 0));
      var y = Math.min(100, Math.max(0, Number(down.value) || 0));
      marker.style.left = x + "%";
      marker.style.top = y + "%";
      crops.forEach(function (crop) {
        crop.style.objectPosition = x + "% " + y + "%";
      });
    }

    picture.addEventListener("click", function (event) {
      var box = picture.getBoundingClientRect();
      across.value = Math.round(((event.clientX - box.left) / box.width) * 100);
      down.value = Math.round(((event.clientY - box.top) / box.height) * 100);
      across.dispatchEvent(new Event("change", { bubbles: true }));
      show();
    });
    across.addEventListener("input", show);
    down.addEventListener("input", show);
    show();
  });
})();
