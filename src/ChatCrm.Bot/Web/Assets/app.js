// ChatCrm board app: signs every request in (Telegram initData inside Telegram, the session cookie outside), loads each
// view's server-rendered part, and turns drags and taps into the chat's own actions. Markup comes from the server only;
// text from answers is set with textContent.
(function () {
  "use strict";

  var tg = window.Telegram && window.Telegram.WebApp ? window.Telegram.WebApp : null;
  var initData = tg && tg.initData ? tg.initData : "";
  var view = document.getElementById("view");
  var sheet = document.getElementById("sheet");
  var toastBox = document.getElementById("toast");
  var dictionary = {
    en: { signIn: "Open the board from the 📊 button in the bot's chat, or send /web to the bot for a sign-in link.", failed: "Something went wrong. Nothing was changed; try again.", close: "Close", send: "Send", answer: "Your answer" },
    ru: { signIn: "Откройте воронку кнопкой 📊 в чате с ботом или отправьте боту /web, чтобы получить ссылку для входа.", failed: "Что-то пошло не так. Ничего не изменено, попробуйте ещё раз.", close: "Закрыть", send: "Отправить", answer: "Ваш ответ" }
  };
  // Until the server says which language the user chose in ChatCrm (data-lang on the tabs), Telegram's or the browser's.
  var words = dictionary[/^en/i.test((tg && tg.initDataUnsafe && tg.initDataUnsafe.user && tg.initDataUnsafe.user.language_code) || navigator.language || "") ? "en" : "ru"];

  function learnLanguage() {
    var marked = view.querySelector("[data-lang]");
    if (marked && dictionary[marked.dataset.lang]) {
      words = dictionary[marked.dataset.lang];
      document.documentElement.lang = marked.dataset.lang;
    }
  }

  // Telegram's theme: its colours as CSS variables, and light or dark for the rest.
  function applyTheme() {
    var root = document.documentElement;
    var params = (tg && tg.themeParams) || {};
    Object.keys(params).forEach(function (key) {
      root.style.setProperty("--tg-theme-" + key.replace(/_/g, "-"), params[key]);
    });
    var dark = tg && tg.colorScheme ? tg.colorScheme === "dark" : window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
    root.dataset.scheme = dark ? "dark" : "light";
  }

  function request(method, url, body) {
    var headers = { "Accept": "application/json, text/html" };
    if (initData) {
      headers["X-Telegram-Init-Data"] = initData;
    }
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
    }
    return fetch(url, { method: method, headers: headers, credentials: "same-origin", body: body === undefined ? undefined : JSON.stringify(body) });
  }

  function signInHint() {
    view.textContent = "";
    var p = document.createElement("p");
    p.className = "signin";
    p.textContent = words.signIn;
    view.appendChild(p);
  }

  function toast(text) {
    if (!text) {
      return;
    }
    toastBox.textContent = text;
    toastBox.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(function () { toastBox.hidden = true; }, 4000);
  }

  // The view named by the page's address: /app and /app/board are the board.
  function partUrl() {
    var name = location.pathname.replace(/^\/app\/?/, "").split("/")[0] || "board";
    return "/app/part/" + name + location.search;
  }

  function load() {
    var board = view.querySelector(".board");
    var scrolled = board ? board.scrollLeft : 0;
    return request("GET", partUrl()).then(function (response) {
      if (response.status === 401) {
        signInHint();
        return;
      }
      if (!response.ok) {
        toast(words.failed);
        return;
      }
      return response.text().then(function (html) {
        view.innerHTML = html;
        learnLanguage();
        var logout = view.querySelector(".logout");
        if (logout && !initData) {
          logout.hidden = false;
        }
        var fresh = view.querySelector(".board");
        if (fresh) {
          fresh.scrollLeft = scrolled;
        }
      });
    }, function () { toast(words.failed); });
  }

  function go(url) {
    history.pushState(null, "", url);
    load();
  }

  // ---- Answers: what the chat would have said, with its buttons (a lost deal's reasons, "move anyway?") ----

  // A change that is done shows the chat's answer as a toast (its buttons are the chat's keyboard for the deal, which the
  // board itself is); one that is not (a question: the reason, "move anyway?") shows the answer with its buttons.
  // always: show the answers in the sheet even when nothing is asked (a client's history, read from the Clients view).
  function showOutcome(outcome, done, always) {
    toast(outcome.toast);
    var answers = outcome.answers || [];
    var buttons = answers.some(function (a) { return a.buttons && a.buttons.length; });
    if (!outcome.asking && (done || !buttons) && !(always && answers.length)) {
      if (answers.length) {
        toast(answers[answers.length - 1].text);
      }
      closeSheet();
      return;
    }
    sheet.textContent = "";
    answers.forEach(function (answer) {
      var p = document.createElement("p");
      p.className = "answer";
      p.textContent = answer.text;
      sheet.appendChild(p);
      (answer.buttons || []).forEach(function (row) {
        var line = document.createElement("div");
        line.className = "choices";
        row.forEach(function (b) {
          var button = document.createElement("button");
          button.type = "button";
          button.textContent = b.text;
          if (b.data) {
            button.addEventListener("click", function () { act("POST", "/api/press", { data: b.data }); });
          } else if (b.url) {
            button.addEventListener("click", function () {
              if (tg && tg.openLink) { tg.openLink(b.url); } else { window.open(b.url, "_blank", "noopener"); }
            });
          }
          line.appendChild(button);
        });
        sheet.appendChild(line);
      });
    });
    if (outcome.asking) {
      var form = document.createElement("form");
      form.className = "reply";
      var input = document.createElement("input");
      input.name = "text";
      input.required = true;
      input.maxLength = 4000;
      input.autocomplete = "off";
      input.placeholder = words.answer;
      var send = document.createElement("button");
      send.type = "submit";
      send.textContent = words.send;
      form.appendChild(input);
      form.appendChild(send);
      form.addEventListener("submit", function (e) {
        e.preventDefault();
        act("POST", "/api/answer", { text: input.value });
      });
      sheet.appendChild(form);
    }
    addClose();
    openSheet();
  }

  function addClose() {
    var close = document.createElement("button");
    close.type = "button";
    close.className = "close";
    close.textContent = words.close;
    close.addEventListener("click", closeSheet);
    sheet.appendChild(close);
  }

  function openSheet() {
    if (!sheet.open) {
      if (sheet.showModal) { sheet.showModal(); } else { sheet.setAttribute("open", ""); }
    }
  }

  function closeSheet() {
    if (sheet.open) {
      if (sheet.close) { sheet.close(); } else { sheet.removeAttribute("open"); }
    }
  }

  // Runs an action and shows its answer; the board is read again, since the action may have moved any card.
  // isDone(json) tells a change that happened from a question; without it, only a question that waits for a typed answer
  // keeps the sheet open.
  function act(method, url, body, isDone, always) {
    return request(method, url, body).then(function (response) {
      if (response.status === 401) {
        closeSheet();
        signInHint();
        return null;
      }
      return response.json().then(function (json) {
        if (!response.ok) {
          toast(json && json.error ? json.error : words.failed);
          load();
          return null;
        }
        showOutcome(json.outcome || json, isDone ? isDone(json) : true, always);
        return load().then(function () { return json; });
      });
    }, function () { toast(words.failed); load(); return null; });
  }

  function moveDeal(deal, target) {
    if (target.zone === "won" || target.zone === "lost") {
      return act("POST", "/api/deals/" + deal + "/" + target.zone, undefined, function (json) {
        return json.deal && json.deal.status === target.zone;
      });
    }
    return act("POST", "/api/deals/" + deal + "/move", { stageId: Number(target.stage) }, function (json) {
      return json.deal && json.deal.status === "open" && String(json.deal.stageId) === String(target.stage);
    });
  }

  // ---- Dragging: pointer events, so a mouse, a pen and a finger all work (a finger after a short hold) ----
  // While a card is carried, the won and lost zones show as a bar at the foot of the screen (they are outside the board,
  // so they are in reach whichever column is in sight), and the board scrolls by itself near its left and right edges.

  var drag = null;
  var justDragged = false;
  var EDGE = 48;

  function dropTargetAt(x, y) {
    var element = document.elementFromPoint(x, y);
    var target = element && element.closest(".column, .zone");
    return target && view.contains(target) ? target : null;
  }

  function startDrag(card, event) {
    var box = card.getBoundingClientRect();
    var ghost = card.cloneNode(true);
    ghost.classList.add("ghost");
    ghost.removeAttribute("tabindex");
    ghost.style.width = box.width + "px";
    document.body.appendChild(ghost);
    card.classList.add("dragging");
    document.body.classList.add("dragging");
    drag.ghost = ghost;
    drag.width = box.width;
    drag.height = box.height;
    drag.dx = event.clientX - box.left;
    drag.dy = event.clientY - box.top;
    moveGhost(event.clientX, event.clientY);
    drag.frame = requestAnimationFrame(autoScroll);
    if (tg && tg.HapticFeedback) {
      tg.HapticFeedback.impactOccurred("light");
    }
  }

  function moveGhost(x, y) {
    drag.px = x;
    drag.py = y;
    // Kept inside the screen's width and above the won/lost bar: the card stays whole in sight and never hides the
    // zone the finger is on.
    var left = Math.max(0, Math.min(x - drag.dx, document.documentElement.clientWidth - drag.width));
    var bar = view.querySelector(".zones");
    var top = Math.min(y - drag.dy, (bar ? bar.getBoundingClientRect().top : window.innerHeight) - drag.height - 4);
    drag.ghost.style.transform = "translate(" + left + "px," + top + "px)";
    var over = dropTargetAt(x, y);
    if (over !== drag.over) {
      if (drag.over) { drag.over.classList.remove("over"); }
      if (over) { over.classList.add("over"); }
      drag.over = over;
    }
  }

  // Near the board's left or right edge the columns scroll under the carried card, faster the nearer it is.
  function autoScroll() {
    if (!drag || !drag.ghost) {
      return;
    }
    var board = view.querySelector(".board");
    if (board) {
      var rect = board.getBoundingClientRect();
      var step = drag.px < rect.left + EDGE ? -Math.ceil((rect.left + EDGE - drag.px) / 4)
        : drag.px > rect.right - EDGE ? Math.ceil((drag.px - rect.right + EDGE) / 4) : 0;
      if (step && drag.py >= rect.top && drag.py <= rect.bottom) {
        board.scrollLeft += step;
        moveGhost(drag.px, drag.py);
      }
    }
    drag.frame = requestAnimationFrame(autoScroll);
  }

  function stopDrag(state) {
    cancelAnimationFrame(state.frame);
    clearTimeout(state.timer);
    document.body.classList.remove("dragging");
    if (state.ghost) {
      state.ghost.remove();
      state.card.classList.remove("dragging");
    }
    if (state.over) { state.over.classList.remove("over"); }
  }

  function endDrag(state, event) {
    stopDrag(state);
    var target = dropTargetAt(event.clientX, event.clientY);
    var from = state.card.closest(".column");
    if (!target || target === from) {
      return;
    }
    if (target.classList.contains("column")) {
      target.querySelector(".cards").prepend(state.card);
    } else {
      state.card.classList.add("leaving");
    }
    moveDeal(state.card.dataset.deal, { stage: target.dataset.stage, zone: target.dataset.zone });
  }

  view.addEventListener("pointerdown", function (event) {
    var card = event.target.closest(".card");
    if (!card || event.button !== 0 || drag) {
      return;
    }
    var state = { card: card, x: event.clientX, y: event.clientY, ghost: null, over: null, touch: event.pointerType !== "mouse" };
    drag = state;
    if (state.touch) {
      state.timer = setTimeout(function () {
        if (drag === state && !state.ghost) { startDrag(card, event); }
      }, 300);
    }
  });

  window.addEventListener("pointermove", function (event) {
    if (!drag) {
      return;
    }
    if (drag.ghost) {
      event.preventDefault();
      moveGhost(event.clientX, event.clientY);
      return;
    }
    var far = Math.abs(event.clientX - drag.x) + Math.abs(event.clientY - drag.y) > 6;
    if (far && drag.touch) {
      stopDrag(drag); // a finger that moves before the hold scrolls the board instead
      drag = null;
    } else if (far) {
      startDrag(drag.card, event);
    }
  }, { passive: false });

  // Once a finger carries a card, the page must not scroll under it (the card's touch-action still allows panning,
  // so that a finger that does not hold scrolls the board).
  window.addEventListener("touchmove", function (event) {
    if (drag && drag.ghost && event.cancelable) {
      event.preventDefault();
    }
  }, { passive: false });

  window.addEventListener("pointerup", function (event) {
    var state = drag;
    if (!state) {
      return;
    }
    drag = null;
    if (state.ghost) {
      endDrag(state, event);
      justDragged = true; // the click that follows the release is not a tap
      setTimeout(function () { justDragged = false; }, 0);
    } else {
      stopDrag(state);
    }
  });

  window.addEventListener("pointercancel", function () {
    if (drag) {
      stopDrag(drag);
      drag = null;
    }
  });

  // A long press is a drag, not the phone's context menu.
  view.addEventListener("contextmenu", function (event) {
    if (event.target.closest(".card")) {
      event.preventDefault();
    }
  });

  // A tap or a click (or Enter on a focused card) opens the same moves as buttons: a finger moves cards without dragging.
  function openMoveSheet(card) {
    var template = document.getElementById("move-sheet");
    if (!template) {
      return;
    }
    sheet.textContent = "";
    var title = document.createElement("p");
    title.className = "answer";
    title.textContent = card.querySelector(".title").textContent + " — " + card.querySelector(".client").textContent;
    sheet.appendChild(title);
    sheet.appendChild(template.content.cloneNode(true));
    var current = card.closest(".column").dataset.stage;
    sheet.querySelectorAll(".choices button").forEach(function (button) {
      if (button.dataset.stage === current) {
        button.disabled = true;
      }
      button.addEventListener("click", function () {
        moveDeal(card.dataset.deal, { stage: button.dataset.stage, zone: button.dataset.zone });
      });
    });
    addClose();
    openSheet();
  }

  view.addEventListener("keydown", function (event) {
    var card = event.target.closest && event.target.closest(".card");
    if (card && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      openMoveSheet(card);
    }
  });

  // ---- Navigation, filters, "more" ----

  view.addEventListener("click", function (event) {
    var card = event.target.closest(".card");
    if (card) {
      if (!justDragged) {
        openMoveSheet(card);
      }
      return;
    }
    var link = event.target.closest("a[href^='/app']");
    if (link) {
      event.preventDefault();
      go(link.getAttribute("href"));
      return;
    }
    var more = event.target.closest("button.more");
    if (more) {
      more.disabled = true;
      request("GET", more.dataset.more).then(function (response) {
        if (!response.ok) {
          more.disabled = false;
          toast(words.failed);
          return;
        }
        return response.text().then(function (html) {
          var holder = document.createElement("div");
          holder.innerHTML = html;
          var cards = holder.querySelector("template.cards");
          more.closest(".column").querySelector(".cards").appendChild(cards.content);
          var next = holder.querySelector("button.more");
          if (next) { more.replaceWith(next); } else { more.remove(); }
        });
      });
      return;
    }
    var file = event.target.closest("button.xlsx");
    if (file) {
      saveFile(file);
      return;
    }
    var press = event.target.closest("button[data-press]");
    if (press) {
      act("POST", "/api/press", { data: press.dataset.press }, function () { return false; }, true);
      return;
    }
    if (event.target.closest(".logout")) {
      request("POST", "/app/logout").then(function () { signInHint(); });
    }
  });

  // The report's XLSX: inside Telegram it comes to the chat (a Mini App cannot save files everywhere); in a browser it downloads.
  function saveFile(button) {
    if (initData) {
      act("POST", "/api/press", { data: button.dataset.press });
      return;
    }
    button.disabled = true;
    request("GET", button.dataset.file).then(function (response) {
      button.disabled = false;
      if (!response.ok) {
        toast(words.failed);
        return;
      }
      var name = /filename\*?=(?:UTF-8'')?"?([^";]+)/i.exec(response.headers.get("Content-Disposition") || "");
      return response.blob().then(function (blob) {
        var link = document.createElement("a");
        link.href = URL.createObjectURL(blob);
        link.download = name ? decodeURIComponent(name[1]) : "report.xlsx";
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
      });
    }, function () { button.disabled = false; toast(words.failed); });
  }

  view.addEventListener("submit", function (event) {
    var form = event.target.closest("form.search");
    if (!form) {
      return;
    }
    event.preventDefault();
    var q = form.querySelector("input[name=q]").value.trim();
    go(location.pathname + (q ? "?q=" + encodeURIComponent(q) : ""));
  });

  view.addEventListener("change", function (event) {
    var form = event.target.closest("form.filters");
    if (!form) {
      return;
    }
    var query = new URLSearchParams();
    form.querySelectorAll("select").forEach(function (select) {
      if (select.value) { query.set(select.name, select.value); }
    });
    var text = query.toString();
    go(location.pathname + (text ? "?" + text : ""));
  });

  window.addEventListener("popstate", load);
  // However the sheet closes (an answer, its button, Esc, the back gesture), the board is read again: a card moved or
  // dropped on a zone before a question that was not answered goes back where it is.
  sheet.addEventListener("close", function () {
    sheet.textContent = "";
    load();
  });

  if (tg) {
    if (tg.ready) { tg.ready(); }
    if (tg.expand) { tg.expand(); }
    if (tg.onEvent) { tg.onEvent("themeChanged", applyTheme); }
  }
  applyTheme();
  load();
})();
