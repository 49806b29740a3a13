// Campaign form: upload each chosen file in chunks that survive a dropped connection.
//
// Protocol (docs/campaigns.md): POST start → token; POST chunk?offset=N (raw bytes) →
// received; on any network error ask GET status for the bytes the server holds and go on
// from there, so nothing that arrived is sent again; POST finish (with the SHA-256 when
// the browser can compute it) → document id, put in the hidden answer input.
// Without JavaScript the file input is sent with the form as a plain multipart upload.
(function () {
  "use strict";
  var form = document.querySelector("[data-campaign-form]");
  if (!form || !window.fetch) {
    return;
  }
  var CHUNK = 256 * 1024;
  var MAX_RETRIES = 30;
  var csrf = form.querySelector('[name="csrfmiddlewaretoken"]').value;
  var placeholder = "00000000-0000-0000-0000-000000000000";
  var pending = 0;

  function sleep(ms) {
    return new Promise(function (resolve) {
      window.setTimeout(resolve, ms);
    });
  }

  function request(url, options) {
    options = options || {};
    options.credentials = "same-origin";
    options.headers = Object.assign({ "X-CSRFToken": csrf, Accept: "application/json" }, options.headers || {});
    return fetch(url, options).then(function (response) {
      return response
        .json()
        .catch(function () {
          return {};
        })
        .then(function (body) {
          return { ok: response.ok, status: response.status, body: body };
        });
    });
  }

  function formData(values) {
    var data = new FormData();
    Object.keys(values).forEach(function (key) {
      data.append(key, values[key]);
    });
    return data;
  }

  function sha256(file) {
    if (!window.crypto || !window.crypto.subtle || !file.arrayBuffer) {
      return Promise.resolve("");
    }
    return file
      .arrayBuffer()
      .then(function (buffer) {
        return window.crypto.subtle.digest("SHA-256", buffer);
      })
      .then(function (digest) {
        return Array.prototype.map
          .call(new Uint8Array(digest), function (b) {
            return ("0" + b.toString(16)).slice(-2);
          })
          .join("");
      })
      .catch(function () {
        return "";
      });
  }

  // Send the file from `offset`; on a network failure ask where the server is and resume.
  function sendFrom(urls, file, offset, ui, retries) {
    if (offset >= file.size) {
      return Promise.resolve();
    }
    var end = Math.min(offset + CHUNK, file.size);
    return request(urls.chunk + "?offset=" + offset, {
      method: "POST",
      headers: { "Content-Type": "application/octet-stream" },
      body: file.slice(offset, end),
    }).then(
      function (result) {
        if (result.ok) {
          ui.progress(result.body.received, file.size);
          return sendFrom(urls, file, result.body.received, ui, 0);
        }
        // 409: the server holds a different offset; resume from there (bounded, like a
        // dropped connection). Anything else (410: the upload is over) ends this upload.
        if (result.status === 409 && typeof result.body.received === "number" && retries < MAX_RETRIES) {
          return sendFrom(urls, file, result.body.received, ui, retries + 1);
        }
        throw new Error(result.body.error || "Unggahan gagal.");
      },
      function () {
        // Dropped connection: wait, ask the server what it holds, continue from there.
        if (retries >= MAX_RETRIES) {
          throw new Error("Koneksi terputus; pilih berkas lagi untuk melanjutkan.");
        }
        ui.status("Koneksi terputus, mencoba melanjutkan…");
        return sleep(Math.min(1000 * (retries + 1), 5000))
          .then(function () {
            return request(urls.status, { method: "GET" });
          })
          .then(
            function (state) {
              var from = state.ok ? state.body.received : offset;
              return sendFrom(urls, file, from, ui, retries + 1);
            },
            function () {
              return sendFrom(urls, file, offset, ui, retries + 1);
            }
          );
      }
    );
  }

  function upload(input) {
    var file = input.files[0];
    var field = input.closest("[data-code]");
    var hidden = field.querySelector("[data-document-input]");
    var bar = field.querySelector("[data-upload-progress]");
    var statusEl = field.querySelector("[data-upload-status]");
    var current = field.querySelector("[data-file-current]");
    var ui = {
      progress: function (received, size) {
        bar.hidden = false;
        bar.value = size ? Math.round((received * 100) / size) : 100;
        statusEl.textContent = "Terkirim " + Math.round(received / 1024) + " / " + Math.round(size / 1024) + " KB";
      },
      status: function (text) {
        statusEl.textContent = text;
      },
    };
    pending += 1;
    ui.progress(0, file.size);
    var values = { question: input.dataset.upload, filename: file.name, size: file.size };
    if (form.dataset.pegawai) {
      values.pegawai = form.dataset.pegawai;
    }
    var urls;
    return request(form.dataset.uploadStart, { method: "POST", body: formData(values) })
      .then(function (started) {
        if (!started.ok) {
          throw new Error(started.body.error || "Unggahan ditolak.");
        }
        var base = form.dataset.uploadBase.replace(placeholder, started.body.token);
        urls = { status: base, chunk: base + "potongan/", finish: base + "selesai/" };
        return sendFrom(urls, file, started.body.received, ui, 0);
      })
      .then(function () {
        return sha256(file);
      })
      .then(function (digest) {
        return request(urls.finish, { method: "POST", body: formData({ sha256: digest }) });
      })
      .then(function (finished) {
        if (!finished.ok) {
          throw new Error(finished.body.error || "Berkas ditolak.");
        }
        hidden.value = finished.body.document;
        current.textContent = "Berkas terunggah: " + finished.body.name;
        current.dataset.uploaded = finished.body.document;
        ui.status("Selesai. Tekan tombol kirim untuk menyimpan isian.");
        input.value = ""; // already on the server: do not send it again with the form
      })
      .catch(function (error) {
        ui.status(error.message);
        statusEl.classList.add("field-error");
        input.value = "";
      })
      .then(function () {
        pending -= 1;
      });
  }

  var inputs = form.querySelectorAll("input[type=file][data-upload]");
  for (var i = 0; i < inputs.length; i++) {
    inputs[i].addEventListener("change", function (event) {
      var input = event.target;
      if (input.files && input.files.length) {
        var statusEl = input.closest("[data-code]").querySelector("[data-upload-status]");
        statusEl.classList.remove("field-error");
        upload(input);
      }
    });
  }

  form.addEventListener("submit", function (event) {
    if (pending > 0) {
      event.preventDefault();
      window.alert("Tunggu sampai unggahan berkas selesai.");
    }
  });
})();
