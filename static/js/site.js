// The site's only script: the phone-width menu button and the keyboard-friendly submenus.
// Without it the menu is shown open (no-js.css) and submenus open on hover and focus.

document.addEventListener("DOMContentLoaded", () => {
  const menuButton = document.querySelector(".menu-toggle");
  const nav = document.getElementById("site-nav");
  const toggles = [...document.querySelectorAll(".nav__toggle")];

  const closeSubmenus = (except) => {
    toggles.filter((t) => t !== except).forEach((t) => t.setAttribute("aria-expanded", "false"));
  };

  menuButton?.addEventListener("click", () => {
    const open = menuButton.getAttribute("aria-expanded") !== "true";
    menuButton.setAttribute("aria-expanded", String(open));
    nav.classList.toggle("is-open", open);
  });

  toggles.forEach((toggle) => {
    toggle.addEventListener("click", () => {
      const open = toggle.getAttribute("aria-expanded") !== "true";
      closeSubmenus(toggle);
      toggle.setAttribute("aria-expanded", String(open));
    });
  });

  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    const open = toggles.find((t) => t.getAttribute("aria-expanded") === "true");
    if (open) {
      closeSubmenus();
      open.focus();
    }
  });

  document.addEventListener("click", (event) => {
    if (!event.target.closest(".nav__item--parent")) closeSubmenus();
  });
});

// Admissions form: after a failed submit, move focus to the error summary so screen readers
// announce it; its links then take the visitor to each field. Without JavaScript the summary
// is simply the first thing after the heading.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector("[data-error-summary]");
  if (!summary) return;
  summary.focus();
  summary.addEventListener("click", (event) => {
    const link = event.target.closest("a[href^='#']");
    const field = link && document.getElementById(link.hash.slice(1));
    if (!field) return;
    event.preventDefault();
    field.focus();
    (field.closest("fieldset") || field).scrollIntoView({ block: "center" });
  });
});

// "Get directions": the link works everywhere as Google's cross-platform Maps URL; on
// Android it becomes a geo: link (the visitor's chosen map app), on Apple devices an
// Apple Maps link. Nothing is loaded from another site.
document.addEventListener("DOMContentLoaded", () => {
  const agent = navigator.userAgent;
  const apple = /iPhone|iPad|iPod|Macintosh/.test(agent);
  const android = /Android/.test(agent);
  document.querySelectorAll(".directions__link").forEach((link) => {
    const href = android ? link.dataset.geoHref : apple ? link.dataset.appleHref : "";
    if (href) link.href = href;
  });
});

// Videos: each poster's link becomes a real button; pressing it puts the player (the host's
// privacy embed, or <video controls> for a file on this site) in the poster's place and
// moves focus to it. Nothing loads from the video's host before that press. Without
// JavaScript the link opens the video on its host.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("a[data-video-play]").forEach((link) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = link.className;
    button.append(...link.childNodes);
    Object.assign(button.dataset, link.dataset);
    button.setAttribute("aria-label", link.getAttribute("aria-label"));
    link.replaceWith(button);
    button.addEventListener("click", () => {
      const frame = button.closest("[data-video-frame]");
      let player;
      if (button.dataset.embed) {
        player = document.createElement("iframe");
        player.src = button.dataset.embed;
        player.title = button.dataset.title;
        player.allow = "encrypted-media; fullscreen; picture-in-picture";
        player.allowFullscreen = true;
        player.referrerPolicy = "strict-origin-when-cross-origin";
      } else {
        player = document.createElement("video");
        player.controls = true;
        player.preload = "metadata";
        player.setAttribute("aria-label", button.dataset.title);
        const source = document.createElement("source");
        source.src = button.dataset.file;
        source.type = button.dataset.type;
        player.append(source);
      }
      player.className = "video__player";
      player.tabIndex = 0;
      frame.replaceChildren(player);
      player.focus();
      if (player.play) player.play().catch(() => {});
    });
  });
});
