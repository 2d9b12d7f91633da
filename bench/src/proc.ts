/** Reading another process's memory and CPU from /proc (Linux). */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

let ticksPerSecond: number | null = null;

function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** A `kB` field of /proc/<pid>/status, in bytes; null when the process is gone. */
function statusField(pid: number, field: "VmRSS" | "VmHWM"): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Resident set size now, bytes. */
export const rss = (pid: number): number | null => statusField(pid, "VmRSS");

/** Highest resident set size since the process started, bytes. */
export const peakRss = (pid: number): number | null => statusField(pid, "VmHWM");

/** CPU time used so far (user + system), seconds; null when the process is gone. */
export function cpuTime(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may contain spaces) start at field 3.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / clockTicks();
  } catch {
    return null;
  }
}

/** Busy CPU time of the whole machine so far (all cores, everything but idle and iowait), seconds. */
export function machineBusy(): number | null {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n", 1)[0]!;
    const [, ...values] = line.trim().split(/\s+/);
    const n = values.map(Number);
    const total = n.slice(0, 8).reduce((a, b) => a + b, 0);
    return (total - n[3]! - n[4]!) / clockTicks();
  } catch {
    return null;
  }
}

/** I/O counters of a process: read and write system calls, and bytes written (to sockets too). */
export interface IoCounters {
  syscr: number;
  syscw: number;
  wchar: number;
}

/** /proc/<pid>/io, or null when unreadable. */
export function ioCounters(pid: number): IoCounters | null {
  try {
    const text = readFileSync(`/proc/${pid}/io`, "utf8");
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, "m").exec(text)?.[1] ?? NaN);
    const io = { syscr: field("syscr"), syscw: field("syscw"), wchar: field("wchar") };
    return Number.isFinite(io.syscw) ? io : null;
  } catch {
    return null;
  }
}
