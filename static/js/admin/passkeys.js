// After a passkey is added (django-otp-webauthn's event), go on to the recovery codes.
document.addEventListener("otp_webauthn.register_complete", () => {
  const placeholder = document.getElementById("passkey-registration-placeholder");
  window.location.assign(placeholder.dataset.doneUrl);
});
