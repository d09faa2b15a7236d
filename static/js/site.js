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

// Where a visitor came from, kept in their own browser for FIRST_VISIT_DAYS (the site sets no
// cookie for it, so every page is the same for everyone and the edge can serve it): the
// first page they opened, the site that sent them and any campaign tags in its address. It
// leaves the browser only inside a form they send (admissions/attribution.py).
const FIRST_VISIT_KEY = "first-visit";
const FIRST_VISIT_DAYS = 30;
const CAMPAIGN_TAGS = ["utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"];

const firstVisit = (() => {
  const now = Date.now();
  try {
    const kept = JSON.parse(localStorage.getItem(FIRST_VISIT_KEY) || "null");
    if (kept && now - kept.at < FIRST_VISIT_DAYS * 86400000) return kept;
  } catch (error) {
    // Storage blocked or the entry unreadable: record this visit afresh below.
  }
  const visit = { at: now, landing_page: location.pathname, referrer_host: "" };
  try {
    const host = document.referrer ? new URL(document.referrer).hostname : "";
    if (host !== location.hostname) visit.referrer_host = host;
  } catch (error) {
    // An unreadable referrer says nothing.
  }
  const parameters = new URLSearchParams(location.search);
  CAMPAIGN_TAGS.forEach((tag) => {
    const value = (parameters.get(tag) || "").trim();
    if (value) visit[tag] = value.slice(0, 100);
  });
  try {
    localStorage.setItem(FIRST_VISIT_KEY, JSON.stringify(visit));
  } catch (error) {
    // Without storage the visit is still sent with a form opened on this page.
  }
  return visit;
})();

// A landing page's campaign number (data-campaign-phone on its body) replaces the site's
// phone on that page, and on every page opened next in the same visit (sessionStorage:
// gone when the tab closes). A form sent in that visit says which page and number.
const CAMPAIGN_KEY = "campaign-phone";
const campaign = (() => {
  const own = document.body.dataset;
  if (own.campaignPhone) {
    const shown = { campaign_page: location.pathname, campaign_phone: own.campaignPhone, href: own.campaignPhoneHref };
    try {
      sessionStorage.setItem(CAMPAIGN_KEY, JSON.stringify(shown));
    } catch (error) {
      // Without storage the number is still shown on this page, and its form sends it.
    }
    return shown;
  }
  try {
    return JSON.parse(sessionStorage.getItem(CAMPAIGN_KEY) || "null");
  } catch (error) {
    return null;
  }
})();

if (campaign && !document.body.dataset.campaignPhone) {
  document.querySelectorAll("a[data-site-phone]").forEach((link) => {
    link.href = campaign.href;
    const number = link.querySelector("[data-phone-number]");
    if (number) number.textContent = campaign.campaign_phone;
  });
}

// Public forms (data-form-tokens): the page is the same for everyone, so its form carries
// no CSRF token and no form key. When the visitor starts the form, fetch both (the form key
// starts the time trap then); as it is sent, add the first visit. A form sent before the
// tokens arrive waits for them; one sent without them (no network, no script) comes back
// filled in, to be sent once more.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("form[data-form-tokens]").forEach((form) => {
    const field = (name) => form.querySelector(`input[type=hidden][name="${name}"]`);
    let fetching = null;
    const fetchTokens = () => {
      if (field("form_key").value) return Promise.resolve();
      fetching ??= fetch(form.dataset.formTokens, { credentials: "same-origin", cache: "no-store" })
        .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
        .then((tokens) => {
          field("csrfmiddlewaretoken").value = tokens.csrf_token;
          field("form_key").value = tokens.form_key;
        })
        .catch(() => {
          fetching = null;
        });
      return fetching;
    };
    ["focusin", "pointerdown"].forEach((type) => form.addEventListener(type, fetchTokens, { once: true }));

    let sending = false;
    form.addEventListener("submit", (event) => {
      Object.entries({ ...firstVisit, ...(campaign || {}) }).forEach(([name, value]) => {
        const input = !["at", "href"].includes(name) && field(name);
        if (input) input.value = value;
      });
      if (sending || field("form_key").value) {
        form.dataset.sent = "true";
        return;
      }
      event.preventDefault();
      sending = true;
      const button = event.submitter;
      fetchTokens().finally(() => (button ? form.requestSubmit(button) : form.requestSubmit()));
    });
  });

  // Back to a form's page after sending it: the browser may restore the page as it was left,
  // with what was typed. Empty it, for the next person at a shared computer.
  window.addEventListener("pageshow", (event) => {
    if (!event.persisted) return;
    document.querySelectorAll("form[data-form-tokens]").forEach((form) => {
      if (form.dataset.sent) form.reset();
    });
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
