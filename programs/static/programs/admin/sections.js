// The section editor (django-content-editor) for keyboards and screen readers: its "+"
// targets and the buttons of the kinds of section become buttons one can reach with Tab
// and press with Enter or Space, and each section gets "Move up" and "Move down" buttons,
// since dragging is the editor's only way to reorder (WCAG 2.1.1 and 2.5.7).
(() => {
  "use strict";

  const pressable = (element, label) => {
    if (element.dataset.pressable) return;
    element.dataset.pressable = "true";
    element.setAttribute("role", "button");
    element.tabIndex = 0;
    if (label) element.setAttribute("aria-label", label);
    element.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        element.click();
      }
    });
  };

  const orderingOf = (section) => section.querySelector(".order-machine-ordering");

  const sectionsInOrder = (machine) =>
    [...machine.querySelectorAll(".inline-related:not(.empty-form)")]
      .filter((section) => !section.classList.contains("content-editor-invisible"))
      .sort((a, b) => a.style.order - b.style.order);

  // Swap a section with its neighbour: their ordering fields, which the form sends, and
  // their places on the screen.
  const move = (machine, section, step) => {
    const sections = sectionsInOrder(machine);
    const other = sections[sections.indexOf(section) + step];
    if (!other) return;
    const mine = orderingOf(section).value;
    orderingOf(section).value = orderingOf(other).value;
    orderingOf(other).value = mine;
    [section.style.order, other.style.order] = [other.style.order, section.style.order];
    section.querySelector(`[data-move="${step}"]`).focus();
    announce(machine, `Moved ${step < 0 ? "up" : "down"}: ${nameOf(section)}.`);
  };

  const nameOf = (section) => {
    const title = section.querySelector(":scope > h3 b");
    return title ? title.textContent.replace(/:$/, "") : "section";
  };

  const announce = (machine, text) => {
    let status = machine.parentElement.querySelector(".section-editor-status");
    if (!status) {
      status = document.createElement("p");
      status.className = "section-editor-status visually-hidden";
      status.setAttribute("role", "status");
      machine.parentElement.append(status);
    }
    status.textContent = text;
  };

  const addMoveButtons = (machine, section) => {
    const heading = section.querySelector(":scope > h3");
    if (!heading || heading.querySelector("[data-move]")) return;
    const group = document.createElement("span");
    group.className = "section-editor-moves";
    for (const [step, label] of [[-1, "Move up"], [1, "Move down"]]) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "section-editor-move";
      button.dataset.move = String(step);
      button.textContent = step < 0 ? "↑" : "↓";
      button.setAttribute("aria-label", `${label}: ${nameOf(section)}`);
      button.title = label;
      button.addEventListener("click", (event) => {
        event.preventDefault();
        event.stopPropagation(); // the heading also shows and hides the section
        move(machine, section, step);
      });
      group.append(button);
    }
    heading.append(group);
  };

  const improve = (machine) => {
    for (const target of machine.querySelectorAll(".order-machine-insert-target")) {
      pressable(target, "Add a section here");
    }
    for (const button of document.querySelectorAll(".plugin-buttons .plugin-button")) {
      pressable(button, `Add: ${button.title}`);
    }
    for (const section of machine.querySelectorAll(".inline-related:not(.empty-form)")) {
      addMoveButtons(machine, section);
    }
  };

  document.addEventListener("content-editor:ready", () => {
    const machine = document.querySelector(".order-machine");
    if (!machine) return;
    improve(machine);
    new MutationObserver(() => improve(machine)).observe(machine.parentElement, {
      childList: true,
      subtree: true,
    });
    // The kinds of section appear beside the "+" pressed: the first one takes focus.
    document.addEventListener("click", (event) => {
      if (!event.target.closest(".order-machine-insert-target")) return;
      const first = document.querySelector(".plugin-buttons-visible .plugin-button");
      if (first) first.focus();
    });
  });
})();
