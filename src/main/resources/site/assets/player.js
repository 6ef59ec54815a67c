// The player of the web face: plays what the play buttons name (fragments/play.html), keeps a
// queue, and stays on while the visitor browses (htmx swaps #main only; #player is outside it).
//
// Decisions:
// - The <audio> element is made here and never put in the document: a media element removed from
//   the document pauses, and navigation or a history restore may replace any markup; a detached
//   element plays on whatever happens to the page. window.StavePlayer exposes it and the queue.
// - Every control is found by its data-player name at the moment it is used, and every event is
//   handled by delegation on document, so the copy of #player that htmx restores from its history
//   works like the original.
// - preload="metadata" and a source served with Accept-Ranges: the browser fetches the file by
//   HTTP Range requests as it plays, and a seek asks for the bytes at the new position instead of
//   downloading the whole file first.
// - The format is the first of the server's sources (originals first) that canPlayType accepts.
(function () {
  "use strict";

  var SEEK_STEP = 5;
  var audio = new Audio();
  audio.preload = "metadata";
  var queue = []; // [{id, info}] where info is the /tracks/{id}/playable answer once fetched
  var index = -1;
  var infos = new Map(); // id -> Promise of the answer
  var dragging = false;

  function el(name) {
    return document.querySelector('#player [data-player="' + name + '"]');
  }

  function clock(seconds) {
    if (!isFinite(seconds) || seconds < 0) seconds = 0;
    var s = Math.floor(seconds);
    var h = Math.floor(s / 3600);
    var m = Math.floor((s % 3600) / 60);
    var sec = String(s % 60).padStart(2, "0");
    return h > 0 ? h + ":" + String(m).padStart(2, "0") + ":" + sec : m + ":" + sec;
  }

  function info(id) {
    if (!infos.has(id)) {
      infos.set(
        id,
        fetch("/tracks/" + encodeURIComponent(id) + "/playable", {
          headers: { Accept: "application/json" },
        }).then(function (r) {
          return r.json().then(function (body) {
            if (!r.ok) {
              infos.delete(id);
              return { id: id, title: "Track " + id, artist: "", sources: [], message: body.error };
            }
            return body;
          });
        })
      );
    }
    return infos.get(id);
  }

  function playableSource(track) {
    var sources = track.sources || [];
    for (var i = 0; i < sources.length; i++) {
      if (audio.canPlayType(sources[i].type) !== "") return sources[i];
    }
    return null;
  }

  function current() {
    return index >= 0 && index < queue.length ? queue[index] : null;
  }

  function status(text) {
    var s = el("status");
    if (s) s.textContent = text || "";
  }

  function show() {
    var player = document.getElementById("player");
    if (player && player.hidden) {
      player.hidden = false;
      document.body.classList.add("has-player");
    }
  }

  // Loads queue[i] and plays it. When `skip` is set (the queue moving on by itself), a track
  // without audio is passed over in that direction instead of stopping the music.
  function load(i, skip) {
    if (i < 0 || i >= queue.length) return Promise.resolve();
    index = i;
    var entry = queue[i];
    show();
    renderQueue();
    return info(entry.id).then(function (track) {
      if (current() !== entry) return; // another track was chosen meanwhile
      entry.info = track;
      renderTrack(track);
      renderQueue();
      var source = playableSource(track);
      if (!source) {
        audio.removeAttribute("src");
        audio.load();
        status(
          track.message ||
            (track.sources && track.sources.length
              ? "This browser cannot play any format of this track."
              : "No audio for this track.")
        );
        renderPlaying();
        if (skip && i + skip >= 0 && i + skip < queue.length) return load(i + skip, skip);
        return;
      }
      status("");
      audio.src = source.url;
      audio.dataset.format = source.format;
      return audio.play().catch(function (e) {
        if (e && e.name !== "AbortError") status("Press play to start (" + e.message + ").");
      });
    });
  }

  function playNow(id) {
    var at = queue.findIndex(function (q) {
      return q.id === id;
    });
    if (at < 0) {
      at = index + 1;
      queue.splice(at, 0, { id: id, info: null });
    }
    load(at, 0);
  }

  function playAll(ids) {
    queue = ids.map(function (id) {
      return { id: id, info: null };
    });
    ids.slice(0, 50).forEach(info); // fetch ahead so the queue shows names
    Promise.all(
      queue.slice(0, 50).map(function (q) {
        return info(q.id).then(function (t) {
          q.info = t;
        });
      })
    ).then(renderQueue);
    load(0, 1);
  }

  function toggle() {
    if (!current()) return;
    if (!audio.src) {
      load(index, 0);
    } else if (audio.paused) {
      audio.play().catch(function () {});
    } else {
      audio.pause();
    }
  }

  function next() {
    if (index + 1 < queue.length) load(index + 1, 1);
  }

  function previous() {
    // As most players: back to the start of this track when it has played a while.
    if (audio.currentTime > 3 || index <= 0) {
      audio.currentTime = 0;
    } else {
      load(index - 1, -1);
    }
  }

  function seekTo(seconds) {
    if (!audio.src || !isFinite(audio.duration)) return;
    audio.currentTime = Math.max(0, Math.min(audio.duration, seconds));
    renderTime();
  }

  // ---- rendering -------------------------------------------------------------------------------

  function renderTrack(track) {
    var title = el("title");
    if (!title) return;
    title.textContent = track.title || "";
    title.setAttribute("href", track.page || "#");
    el("artist").textContent = [track.artist, track.album].filter(Boolean).join(" · ");
    var cover = el("cover");
    if (track.cover) cover.setAttribute("src", track.cover);
    if ("mediaSession" in navigator && window.MediaMetadata) {
      navigator.mediaSession.metadata = new MediaMetadata({
        title: track.title || "",
        artist: track.artist || "",
        album: track.album || "",
        artwork: track.cover
          ? [{ src: new URL(track.cover, location.href).href, sizes: "300x300" }]
          : [],
      });
    }
  }

  function renderPlaying() {
    var button = el("play");
    if (!button) return;
    var playing = !audio.paused && !!audio.src;
    button.dataset.state = playing ? "playing" : "paused";
    button.setAttribute("aria-label", (playing ? "Pause" : "Play") + " (space or k)");
    if ("mediaSession" in navigator) {
      navigator.mediaSession.playbackState = playing ? "playing" : "paused";
    }
  }

  function renderTime() {
    var seek = el("seek");
    if (!seek) return;
    var duration = isFinite(audio.duration) ? audio.duration : 0;
    var now = audio.currentTime || 0;
    seek.max = String(Math.floor(duration));
    if (!dragging) seek.value = String(Math.floor(now));
    var shown = dragging ? Number(seek.value) : now;
    el("time").textContent = clock(shown);
    el("duration").textContent = clock(duration);
    seek.setAttribute("aria-valuetext", clock(shown) + " of " + clock(duration));
  }

  function renderQueue() {
    var list = el("queue");
    if (!list) return;
    el("queue-count").textContent = String(queue.length);
    list.replaceChildren();
    queue.forEach(function (q, i) {
      var name = q.info ? q.info.title + (q.info.artist ? " — " + q.info.artist : "") : "Track " + q.id;
      var li = document.createElement("li");
      if (i === index) li.setAttribute("aria-current", "true");
      li.append(
        button("jump", i, name, "Play " + name, "player-queue-name"),
        button("up", i, "↑", "Move " + name + " up", "icon"),
        button("down", i, "↓", "Move " + name + " down", "icon"),
        button("remove", i, "✕", "Remove " + name + " from the queue", "icon")
      );
      list.append(li);
    });
  }

  function button(action, i, text, label, cls) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = cls;
    b.dataset.queueAction = action;
    b.dataset.queueIndex = String(i);
    b.textContent = text;
    if (label !== text) b.setAttribute("aria-label", label);
    return b;
  }

  function queueAction(action, i) {
    if (i < 0 || i >= queue.length) return;
    if (action === "jump") {
      load(i, 0);
      return;
    }
    if (action === "remove") {
      queue.splice(i, 1);
      if (i === index) {
        audio.pause();
        audio.removeAttribute("src");
        if (index < queue.length) load(index, 1);
        else index = queue.length - 1;
      } else if (i < index) {
        index--;
      }
    } else {
      var j = action === "up" ? i - 1 : i + 1;
      if (j < 0 || j >= queue.length) return;
      var moved = queue[i];
      queue[i] = queue[j];
      queue[j] = moved;
      if (index === i) index = j;
      else if (index === j) index = i;
    }
    renderQueue();
    renderPlaying();
  }

  function togglePanel(name, buttonName) {
    var panel = el(name);
    var b = el(buttonName);
    panel.hidden = !panel.hidden;
    b.setAttribute("aria-expanded", String(!panel.hidden));
  }

  // Puts the state back into a copy of the controls (htmx's history restore).
  function renderAll() {
    var c = current();
    if (!c) return;
    if (c.info) renderTrack(c.info);
    renderQueue();
    renderPlaying();
    renderTime();
    var volume = el("volume");
    if (volume) volume.value = String(audio.volume);
  }

  // ---- events ----------------------------------------------------------------------------------

  audio.addEventListener("play", renderPlaying);
  audio.addEventListener("pause", renderPlaying);
  audio.addEventListener("timeupdate", renderTime);
  audio.addEventListener("durationchange", renderTime);
  audio.addEventListener("loadedmetadata", renderTime);
  audio.addEventListener("ended", function () {
    if (index + 1 < queue.length) load(index + 1, 1);
    else renderPlaying();
  });
  audio.addEventListener("error", function () {
    if (audio.getAttribute("src")) status("The audio could not be played.");
  });

  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    var one = target.closest("[data-play-track]");
    if (one) {
      event.preventDefault();
      playNow(one.getAttribute("data-play-track"));
      return;
    }
    var many = target.closest("[data-play-tracks]");
    if (many) {
      event.preventDefault();
      var ids = many.getAttribute("data-play-tracks").trim().split(/\s+/).filter(Boolean);
      if (ids.length) playAll(ids);
      return;
    }
    var queued = target.closest("#player [data-queue-action]");
    if (queued) {
      queueAction(queued.dataset.queueAction, Number(queued.dataset.queueIndex));
      return;
    }
    var control = target.closest("#player [data-player]");
    if (!control) return;
    switch (control.dataset.player) {
      case "play":
        toggle();
        break;
      case "next":
        next();
        break;
      case "previous":
        previous();
        break;
      case "queue-toggle":
        togglePanel("queue-panel", "queue-toggle");
        break;
      case "help-toggle":
        togglePanel("help-panel", "help-toggle");
        break;
    }
  });

  document.addEventListener("input", function (event) {
    var t = event.target;
    if (!(t instanceof Element) || !t.closest("#player")) return;
    if (t.dataset.player === "seek") {
      dragging = true;
      renderTime();
    } else if (t.dataset.player === "volume") {
      audio.volume = Number(t.value);
      try {
        localStorage.setItem("stave.volume", t.value);
      } catch (e) {
        // storage refused (private mode): the volume is kept for this page only
      }
    }
  });

  document.addEventListener("change", function (event) {
    var t = event.target;
    if (t instanceof Element && t.closest("#player") && t.dataset.player === "seek") {
      dragging = false;
      seekTo(Number(t.value));
    }
  });

  function typing(target) {
    if (!(target instanceof Element)) return false;
    if (target.isContentEditable) return true;
    var tag = target.tagName;
    if (tag === "TEXTAREA" || tag === "SELECT") return true;
    if (tag !== "INPUT") return false;
    var type = (target.getAttribute("type") || "text").toLowerCase();
    return ["button", "checkbox", "radio", "submit", "reset", "image"].indexOf(type) < 0;
  }

  document.addEventListener("keydown", function (event) {
    if (!current() || event.defaultPrevented) return;
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    var target = event.target;
    // A text field keeps its keys; a slider keeps its arrows (they move it) but not the letters.
    if (typing(target)) {
      var slider = target.getAttribute("type") === "range";
      if (!slider || event.key.indexOf("Arrow") === 0 || event.key === " ") return;
    }
    var onControl = target instanceof Element && target.closest("button, a, summary, [role=button]");
    switch (event.key) {
      case " ":
        if (onControl) return; // space presses the focused button, as everywhere
        toggle();
        break;
      case "k":
      case "K":
        toggle();
        break;
      case "ArrowLeft":
        seekTo(audio.currentTime - SEEK_STEP);
        break;
      case "ArrowRight":
        seekTo(audio.currentTime + SEEK_STEP);
        break;
      case "n":
      case "N":
        next();
        break;
      case "p":
      case "P":
        previous();
        break;
      default:
        return;
    }
    event.preventDefault();
  });

  document.addEventListener("htmx:historyRestore", renderAll);
  document.addEventListener("htmx:afterSettle", renderAll);

  if ("mediaSession" in navigator) {
    var handlers = {
      play: function () {
        audio.play().catch(function () {});
      },
      pause: function () {
        audio.pause();
      },
      previoustrack: previous,
      nexttrack: next,
      seekbackward: function () {
        seekTo(audio.currentTime - SEEK_STEP);
      },
      seekforward: function () {
        seekTo(audio.currentTime + SEEK_STEP);
      },
      seekto: function (d) {
        seekTo(d.seekTime);
      },
    };
    Object.keys(handlers).forEach(function (action) {
      try {
        navigator.mediaSession.setActionHandler(action, handlers[action]);
      } catch (e) {
        // an action this browser does not know
      }
    });
  }

  try {
    var saved = localStorage.getItem("stave.volume");
    if (saved !== null && isFinite(Number(saved))) audio.volume = Number(saved);
  } catch (e) {
    // no storage: full volume
  }

  window.StavePlayer = {
    audio: audio,
    queue: function () {
      return queue.map(function (q) {
        return q.id;
      });
    },
    index: function () {
      return index;
    },
    playNow: playNow,
    playAll: playAll,
  };
})();
