// After a passkey is added (django-otp-webauthn's event), go on to the recovery codes.
document.addEventListener("otp_webauthn.register_complete", () => {
  window.location.assign(document.getElementById("passkey-choice").dataset.doneUrl);
});
