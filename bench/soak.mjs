// SPDX-License-Identifier: MIT
// bench/soak.mjs: the mixed load of bench/soak against a running server
// (argv: URL PID SECONDS ACCOUNTS.json). Readers (BKPSDM: the ABK by OPD,
// pages of employees, units, requests), an employee who files a request
// and withdraws it every second, and a plan run every minute. Prints the
// server's resident memory and open descriptors at the start and at the
// end (and after a warm-up), the requests made and the errors (any 5xx, any answer that the
// step did not expect, any refused connection).
import { readdirSync, readFileSync } from "node:fs";

const [url, pid, seconds, accountsFile] = process.argv.slice(2);
const accounts = JSON.parse(readFileSync(accountsFile, "utf8"));
const end = Date.now() + Number(seconds) * 1000;
const stats = { requests: 0, errors: 0, byKind: {} };
const firstErrors = [];

// The server's resident memory (KiB) and open file descriptors now.
function sample() {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return {
    rssKiB: Number(/VmRSS:\s+(\d+)/.exec(status)[1]),
    fds: readdirSync(`/proc/${pid}/fd`).length,
  };
}

async function session(who) {
  const res = await fetch(url + "/api/login", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(who),
  });
  if (res.status !== 200) {
    throw new Error(`login ${who.login}: ${res.status}`);
  }
  const cookie = res.headers.get("set-cookie").split(";")[0];
  const me = await res.json();
  const call = async (kind, method, path, body, want = [200]) => {
    stats.requests++;
    stats.byKind[kind] = (stats.byKind[kind] || 0) + 1;
    let r;
    try {
      r = await fetch(url + path, {
        method,
        headers: {
          Cookie: cookie,
          "X-CSRF-Token": me.csrf_token,
          "Content-Type": "application/json",
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      stats.errors++;
      firstErrors.length < 5 && firstErrors.push(`${kind}: ${e.message}`);
      return null;
    }
    const text = await r.text();
    if (!want.includes(r.status)) {
      stats.errors++;
      firstErrors.length < 5 &&
        firstErrors.push(`${kind}: ${r.status} ${text.slice(0, 160)}`);
    }
    return text ? JSON.parse(text) : null;
  };
  return { me, call };
}

async function reader(s, n) {
  let page = 1 + n;
  while (Date.now() < end) {
    await s.call("abk", "GET", "/api/abk?by=opd");
    await s.call("employees", "GET", `/api/employees?page=${page}`);
    await s.call("units", "GET", "/api/units");
    await s.call("requests", "GET", "/api/requests");
    page = (page % 100) + 1;
  }
}

async function filer(s) {
  const open = (await s.call("requests", "GET", "/api/requests")).rows.filter(
    (r) =>
      !["ditetapkan", "selesai", "ditolak", "dibatalkan"].includes(r.status),
  );
  for (const r of open) {
    await s.call("cancel", "POST", `/api/requests/${r.id}/actions`, {
      action: "batalkan",
      catatan: "uji beban",
    });
  }
  const units = (await s.call("units", "GET", "/api/units")).rows || [];
  const target =
    units.find((u) => u.jenis === "opd" && u.kode !== s.me.unit) || units[1];
  while (Date.now() < end) {
    const r = await s.call(
      "file",
      "POST",
      "/api/requests",
      { pilihan: [target.kode], alasan: "lainnya", keterangan: "uji beban" },
      [200, 201],
    );
    if (r && r.id) {
      await s.call("cancel", "POST", `/api/requests/${r.id}/actions`, {
        action: "batalkan",
        catatan: "uji beban",
      });
    }
    // An employee's pace, not a flood: the data grows as a day's work
    // does, so that memory measures the server, not the data.
    await new Promise((done) => setTimeout(done, 1000));
  }
}

async function planner(s) {
  let k = 0;
  while (Date.now() < end) {
    await s.call(
      "plan",
      "POST",
      "/api/plans",
      { name: `soak-${process.pid}-${k++}`, mode: "combined" },
      [200, 201],
    );
    const wait = Math.min(60000, end - Date.now());
    if (wait > 0) {
      await new Promise((done) => setTimeout(done, wait));
    }
  }
}

const before = sample();
// After the warm-up (caches filled, the first plan run) memory should stay.
let warm = null;
setTimeout(() => (warm = sample()), Math.min(60, Number(seconds) / 4) * 1000);
const hr = await session(accounts.bkpsdm);
const hr2 = await session(accounts.bkpsdm);
const emp = await session(accounts.pegawai);
await Promise.all([reader(hr, 0), reader(hr2, 50), filer(emp), planner(hr)]);
const after = sample();
const mib = (k) => (k / 1024).toFixed(1);
console.log(
  `soak ${seconds} s: ${stats.requests} requests, ${stats.errors} errors`,
);
console.log(
  `  by kind: ${Object.entries(stats.byKind)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ")}`,
);
console.log(
  `  server RSS ${mib(before.rssKiB)} MiB at start, ${mib(warm.rssKiB)} after warm-up, ${mib(after.rssKiB)} at end; ` +
    `open descriptors ${before.fds}, ${warm.fds}, ${after.fds}`,
);
const growth = after.rssKiB / warm.rssKiB;
console.log(
  `GOAL soak-errors ${stats.errors} =0 ${stats.errors === 0 ? "met" : "not-met"} ${stats.requests} requests in ${seconds} s`,
);
console.log(
  `GOAL soak-memory ${growth.toFixed(2)}x <=1.10x ${growth <= 1.1 ? "met" : "not-met"} RSS at end vs after warm-up (${mib(warm.rssKiB)} -> ${mib(after.rssKiB)} MiB), descriptors ${warm.fds} -> ${after.fds}`,
);
for (const e of firstErrors) {
  console.log("  error: " + e);
}
process.exitCode = stats.errors > 0 ? 1 : 0;
