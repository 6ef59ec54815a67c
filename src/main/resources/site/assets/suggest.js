// Search as you type: the keyboard and visibility of the suggestion listbox under every search box
// marked data-suggest (templates/explorer/searchbox.html). htmx fetches the suggestions into the
// listbox; this file follows the ARIA combobox pattern: the focus stays in the box, Down/Up move
// the active option (aria-activedescendant), Enter opens it, Escape closes the list, and a status
// region tells screen readers how many suggestions there are. Without script the box is a plain
// search field of its form.
(function () {
  "use strict";

  var status = null;

  function announce(text) {
    if (!status) {
      status = document.createElement("div");
      status.setAttribute("role", "status");
      status.className = "visually-hidden";
      document.body.appendChild(status);
    }
    status.textContent = text;
  }

  function listOf(input) {
    return document.getElementById(input.getAttribute("aria-controls"));
  }

  function options(list) {
    return Array.prototype.slice.call(list.querySelectorAll('[role="option"]'));
  }

  function activate(input, list, index) {
    var all = options(list);
    all.forEach(function (o, i) {
      o.setAttribute("aria-selected", i === index ? "true" : "false");
      o.classList.toggle("active", i === index);
    });
    if (index >= 0 && index < all.length) {
      input.setAttribute("aria-activedescendant", all[index].id);
      all[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
    list.dataset.active = String(index);
  }

  function open(input, list) {
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function close(input, list) {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    activate(input, list, -1);
  }

  // New suggestions arrived: number the options, show the list when there are any.
  document.addEventListener("htmx:afterSwap", function (event) {
    var list = event.detail.target;
    if (!list || !list.classList || !list.classList.contains("suggest-list")) {
      return;
    }
    var input = document.querySelector('[aria-controls="' + list.id + '"]');
    var all = options(list);
    all.forEach(function (o, i) {
      o.id = list.id + "-" + i;
    });
    if (!input) {
      return;
    }
    if (all.length > 0 && input.value.trim().length > 0 && document.activeElement === input) {
      open(input, list);
      activate(input, list, -1);
      var named = all.filter(function (o) {
        return !o.classList.contains("suggest-all");
      }).length;
      announce(named === 1 ? "1 suggestion" : named + " suggestions");
    } else {
      close(input, list);
    }
  });

  document.addEventListener("keydown", function (event) {
    var input = event.target;
    if (!input || !input.hasAttribute || !input.hasAttribute("data-suggest")) {
      return;
    }
    var list = listOf(input);
    if (!list) {
      return;
    }
    var all = options(list);
    var active = parseInt(list.dataset.active || "-1", 10);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (all.length === 0) {
        return;
      }
      event.preventDefault();
      if (list.hidden) {
        open(input, list);
      }
      var step = event.key === "ArrowDown" ? 1 : -1;
      var next = active + step;
      if (next >= all.length) {
        next = 0;
      } else if (next < 0) {
        next = all.length - 1;
      }
      activate(input, list, next);
    } else if (event.key === "Enter") {
      if (!list.hidden && active >= 0 && active < all.length) {
        event.preventDefault();
        var chosen = all[active];
        close(input, list);
        chosen.click();
      }
    } else if (event.key === "Escape") {
      if (!list.hidden) {
        event.preventDefault();
        close(input, list);
      }
    }
  });

  // A click on an option must not blur the box first (the list would close under the pointer).
  document.addEventListener("mousedown", function (event) {
    if (event.target.closest && event.target.closest(".suggest-list")) {
      event.preventDefault();
    }
  });

  document.addEventListener("focusout", function (event) {
    var input = event.target;
    if (input && input.hasAttribute && input.hasAttribute("data-suggest")) {
      var list = listOf(input);
      if (list) {
        close(input, list);
      }
    }
  });

  // After a navigation (a suggestion opened, a search sent) no list stays open.
  document.addEventListener("htmx:beforeRequest", function (event) {
    var config = event.detail.requestConfig;
    if (config && config.boosted) {
      document.querySelectorAll("[data-suggest]").forEach(function (input) {
        var list = listOf(input);
        if (list) {
          close(input, list);
        }
      });
    }
  });
})();
