// The enrolment link carries its code after "#", which browsers never send to the server
// (so no access log keeps it). Move it into the form, take it out of the address bar and
// history, and post it: the server keeps it in the session until the staff member presses
// Continue on the enrolment page.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form.enrol-link");
  const code = decodeURIComponent(window.location.hash.slice(1)).trim();
  if (!form || !code) return;
  history.replaceState(null, "", window.location.pathname + window.location.search);
  form.elements.code.value = code;
  form.submit();
});
