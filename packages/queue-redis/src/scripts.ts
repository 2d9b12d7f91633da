/**
 * The Lua scripts of the Redis queue. Each runs atomically in Redis, so that no two processes
 * ever see a half-made change (a job both waiting and running, a slot taken twice).
 *
 * Nearly everything a process asks of Redis within one tick goes in ONE call of {@link BATCH}: a
 * list of operations run in order, whose results come back as one array. Under load, one script
 * call then carries the pushes, messages, ends and reads of many events at once.
 *
 * Keys, under the queue's prefix `P`:
 * - `P jobs` (hash): event id → job JSON, while the job waits or runs (a job started at once by
 *   the process it was pushed to is not in it: see `P run:<group>`).
 * - `P tpl` (hash): event id → `<length of session>:<session><estimation template>`, while the
 *   job waits (a session hash is any string its client chose).
 * - `P wait:<group>` (list): waiting event ids, first in first out.
 * - `P run:<group>` (hash): run id → `<process id>|<event ids, comma-separated>`, or for a job
 *   started at once where it was pushed, `<process id>|<event id>|<fn index>|<session>` (all a
 *   reaper needs to report it lost).
 * - `P waiting` (counter): jobs waiting in all groups (for `max_size`).
 * - `P avg:<group>` (hash): `runs`, `average` duration in seconds.
 * - `P proc:<process id>`: exists while that process is alive (it expires unless renewed).
 * - `P sess:<session>:ev` (hash): the session's events whose completion has not been sent yet.
 * - `P sess:<session>:msg` (list): the session's messages not yet acknowledged by a reader,
 *   each `<id of the event it completes, or nothing>\n<text>`.
 * - `P sess:<session>:reader`: the token (`<process id>|<reader number>`) of the stream reading
 *   the session, followed by `|done` once its stream is done and until it acknowledges its last
 *   messages. Messages published to a reader stay in the list until it acknowledges them, so
 *   that a reader whose process died is replaced without a message lost.
 * - `P state:<session>:<id>`: a State value (bytes).
 *
 * Channels:
 * - `P wake:<process id>`: messages for readers in that process, sent at the end of a batch as
 *   JSON `[[token, left, message, …], …]` (`left`: the session's events still to complete after
 *   these messages, -1 when none of them completes an event; 0 means the stream is done).
 *   Readers acknowledge what they wrote (`K`), which trims the list.
 * - `P cancel`: an event id to abort.
 */

/** Key names, the estimation template filler and message sending, shared by the scripts. */
const COMMON = `
local P = ARGV[1]
local PID = ARGV[2]
local TTL = ARGV[3]
local DONE_TTL = ARGV[4]
local entries = {}
local pubs = {}
local expiring = {}
-- Key names are made once per call (each new string costs Redis's Lua a hash of every byte).
local JOBS, TPL, WAITING = P .. 'jobs', P .. 'tpl', P .. 'waiting'
local function cachedKey(cache, head, tail)
  return function(s)
    local k = cache[s]
    if not k then
      k = head .. s .. tail
      cache[s] = k
    end
    return k
  end
end
local evKey = cachedKey({}, P .. 'sess:', ':ev')
local msgKey = cachedKey({}, P .. 'sess:', ':msg')
local readerKey = cachedKey({}, P .. 'sess:', ':reader')
local waitKey = cachedKey({}, P .. 'wait:', '')
local runKey = cachedKey({}, P .. 'run:', '')
local function isReader(cur, token) return cur == token or cur == token .. '|done' end
local function pidOf(token) return string.sub(token, 1, string.find(token, '|', 1, true) - 1) end
-- Each group's waiting and running counts and average duration, read once per call and kept
-- up to date by the operations of this call (nothing else changes them meanwhile: the script
-- runs atomically); averages changed are written back at the end.
local waitN, runN, avgC, avgDirty = {}, {}, {}, {}
local function cachedLen(cache, command, key, g)
  local n = cache[g]
  if not n then
    n = redis.call(command, key(g))
    cache[g] = n
  end
  return n
end
local function waitLen(g) return cachedLen(waitN, 'LLEN', waitKey, g) end
local function runLen(g) return cachedLen(runN, 'HLEN', runKey, g) end
local function addWaiting(g, d) if waitN[g] then waitN[g] = waitN[g] + d end end
local function addRunning(g, d) if runN[g] then runN[g] = runN[g] + d end end
-- {runs, average or nil}
local function avgOf(g)
  local c = avgC[g]
  if not c then
    local v = redis.call('HMGET', P .. 'avg:' .. g, 'runs', 'average')
    c = {tonumber(v[1] or '0'), tonumber(v[2] or '')}
    avgC[g] = c
  end
  return c
end
local function fill(tpl, rank, size, avg, limit)
  local eta = 'null'
  if avg then
    local rounds = 1
    if limit >= 0 then rounds = math.floor(rank / limit) + 1 end
    eta = string.format('%.6g', avg * rounds)
  end
  local s = string.gsub(tpl, '{rank}', tostring(rank))
  s = string.gsub(s, '{queue_size}', tostring(size))
  s = string.gsub(s, '{rank_eta}', eta)
  return s
end
-- Keeps messages of a session (stored form, and the ids of the events they complete) until its
-- reader acknowledges them, and passes them to the reader's process.
local function sendAll(session, stored, completes)
  local mk = msgKey(session)
  for k = 1, #stored, 1000 do redis.call('RPUSH', mk, unpack(stored, k, math.min(k + 999, #stored))) end
  expiring[mk] = true
  local left = -1
  if #completes > 0 then
    local ek = evKey(session)
    for k = 1, #completes, 1000 do redis.call('HDEL', ek, unpack(completes, k, math.min(k + 999, #completes))) end
    left = redis.call('HLEN', ek)
  end
  local rk = readerKey(session)
  local token = redis.call('GET', rk)
  -- No reader, or one whose stream is done: the messages wait for the session's next reader.
  if not token or string.sub(token, -5) == '|done' then return end
  local e = entries[token]
  if not e then
    e = {token, -1}
    entries[token] = e
    local pid = pidOf(token)
    local list = pubs[pid]
    if not list then
      list = {}
      pubs[pid] = list
    end
    list[#list + 1] = e
  end
  for _, m in ipairs(stored) do e[#e + 1] = m end
  if left >= 0 then e[2] = left end
  if left == 0 then
    -- The stream is done. Its reader keeps the claim, marked done, until it acknowledges these
    -- messages (a next reader waits for that); if its process died, the next reader takes them.
    redis.call('SET', rk, token .. '|done', 'PX', DONE_TTL)
    entries[token] = nil
  end
end
-- Messages are sent in order per session, but those of one session in one call are written
-- together (one RPUSH, one look at its reader): each waits until an operation on its session
-- comes, or the call ends.
local pending, pendingOrder = {}, {}
-- Sends a message in stored form (\`<id it completes, or nothing>\\n<text>\`).
local function send(session, stored, completes)
  local p = pending[session]
  if not p then
    p = {{}, {}}
    pending[session] = p
    pendingOrder[#pendingOrder + 1] = session
  end
  p[1][#p[1] + 1] = stored
  if completes ~= '' then p[2][#p[2] + 1] = completes end
end
-- Writes what waits for a session (before an operation on it reads or changes it).
local function settle(session)
  local p = pending[session]
  if p then
    pending[session] = nil
    sendAll(session, p[1], p[2])
  end
end
-- The end of a batch: messages are written, averages too, message lists live on, and readers
-- get what was sent to them.
local function publish()
  for _, s in ipairs(pendingOrder) do settle(s) end
  for g in pairs(avgDirty) do
    local c = avgC[g]
    redis.call('HSET', P .. 'avg:' .. g, 'runs', c[1], 'average', string.format('%.17g', c[2]))
  end
  for mk in pairs(expiring) do redis.call('PEXPIRE', mk, TTL) end
  for pid, list in pairs(pubs) do redis.call('PUBLISH', P .. 'wake:' .. pid, cjson.encode(list)) end
end
`;

/** The operations of {@link BATCH}, each a Lua function of the index of its first argument. */
const OPERATIONS = `
-- P: adds a job. Args: id, job JSON, group, max size (-1), limit (-1), mode, session,
-- estimation template (''), fn index, most pending events per session (-1).
-- Modes: '0' waits (a batch: claims follow); '1' claims it when its group has room, else waits;
-- '2' the same, but without the job's JSON (''): started at once, its run slot holds what a
-- reaper needs; else, instead of waiting, returns {3} for the JSON to follow in mode '3' (the
-- event is recorded already). So the JSON and payload go to Redis only for a job that waits
-- (another process may run it).
-- Returns {1} when this process claimed it, {-1} when the queue is full, {-2} when the session
-- has too many events pending, {3} (mode 2) when it cannot start now, else {0, rank, size}.
local function push(a)
  local id, job, group, mode = ARGV[a], ARGV[a + 1], ARGV[a + 2], ARGV[a + 5]
  local max, limit = tonumber(ARGV[a + 3]), tonumber(ARGV[a + 4])
  local session, tpl, perSession = ARGV[a + 6], ARGV[a + 7], tonumber(ARGV[a + 9])
  local ek = evKey(session)
  settle(session)
  if mode ~= '3' then
    if perSession >= 0 and redis.call('HLEN', ek) >= perSession then return {-2} end
    redis.call('HSET', ek, id, ARGV[a + 8])
    redis.call('PEXPIRE', ek, TTL)
  end
  if mode ~= '0' and waitLen(group) == 0 and (limit < 0 or runLen(group) < limit) then
    if mode == '2' then
      redis.call('HSET', runKey(group), id, PID .. '|' .. id .. '|' .. ARGV[a + 8] .. '|' .. session)
    else
      redis.call('HSET', JOBS, id, job)
      redis.call('HSET', runKey(group), id, PID .. '|' .. id)
    end
    addRunning(group, 1)
    return {1}
  end
  if mode == '2' then return {3} end
  if max >= 0 and tonumber(redis.call('GET', WAITING) or '0') >= max then
    redis.call('HDEL', ek, id)
    return {-1}
  end
  redis.call('HSET', JOBS, id, job)
  local size = redis.call('RPUSH', waitKey(group), id)
  waitN[group] = size
  redis.call('INCR', WAITING)
  if tpl ~= '' then
    redis.call('HSET', TPL, id, #session .. ':' .. session .. tpl)
    send(session, '\\n' .. fill(tpl, size - 1, size, avgOf(group)[2], limit), '')
  end
  return {0, size - 1, size}
end

-- C: claims the next waiting job of a group (and, for a batch key, more of the same key) if the
-- group has a free slot. Args: group, limit (-1), batch max, rank pass (1/0).
-- Returns the claimed jobs' JSON (empty when none). With a rank pass, every job still waiting
-- is sent its new place.
local function claim(a)
  local group, limit, bmax = ARGV[a], tonumber(ARGV[a + 1]), tonumber(ARGV[a + 2])
  local wk, rk, jk, tk = waitKey(group), runKey(group), JOBS, TPL
  if limit >= 0 and runLen(group) >= limit then return {} end
  local out, ids = {}, {}
  while #out == 0 do
    local id = redis.call('LPOP', wk)
    if not id then
      waitN[group] = 0
      return {}
    end
    addWaiting(group, -1)
    redis.call('DECR', WAITING)
    redis.call('HDEL', tk, id)
    local job = redis.call('HGET', jk, id)
    if job then
      out[1] = job
      ids[1] = id
    end
  end
  if bmax > 1 then
    local key = cjson.decode(out[1]).batchKey
    if type(key) == 'string' then
      for _, cid in ipairs(redis.call('LRANGE', wk, 0, 255)) do
        if #out >= bmax then break end
        local cj = redis.call('HGET', jk, cid)
        if cj and cjson.decode(cj).batchKey == key then
          redis.call('LREM', wk, 1, cid)
          addWaiting(group, -1)
          redis.call('DECR', WAITING)
          redis.call('HDEL', tk, cid)
          out[#out + 1] = cj
          ids[#ids + 1] = cid
        end
      end
    end
  end
  redis.call('HSET', rk, ids[1], PID .. '|' .. table.concat(ids, ','))
  addRunning(group, 1)
  if ARGV[a + 3] == '1' then
    local waiting = redis.call('LRANGE', wk, 0, -1)
    local avg = avgOf(group)[2]
    for rank, wid in ipairs(waiting) do
      local t = redis.call('HGET', tk, wid)
      if t then
        local colon = string.find(t, ':', 1, true)
        local last = colon + tonumber(string.sub(t, 1, colon - 1))
        send(string.sub(t, colon + 1, last), '\\n' .. fill(string.sub(t, last + 1), rank - 1, #waiting, avg, limit), '')
      end
    end
  end
  return out
end

-- F: a run ended: frees its slot, forgets its jobs and records its duration. Args: run id,
-- group, duration in seconds (''), the run's event ids comma-separated ('' when unknown: read
-- from its slot; '=' for a job started at once where it was pushed, whose JSON is not kept).
-- Returns the group's average duration ('' when unknown) and how many jobs wait in it.
local function finish(a)
  local runId, group, ids = ARGV[a], ARGV[a + 1], ARGV[a + 3]
  local rk = runKey(group)
  if ids == '' then
    local v = redis.call('HGET', rk, runId)
    if v then ids = string.match(v, '^[^|]*|([^|]*)') end
  end
  -- (A slot already freed, by a reaper that took this process for dead, keeps its jobs.)
  if ids ~= '' and redis.call('HDEL', rk, runId) == 1 then
    addRunning(group, -1)
    if ids ~= '=' then
      local list = {}
      for id in string.gmatch(ids, '[^,]+') do list[#list + 1] = id end
      redis.call('HDEL', JOBS, unpack(list))
    end
  end
  local waiting = waitLen(group)
  local c = avgOf(group)
  if ARGV[a + 2] ~= '' then
    local d = tonumber(ARGV[a + 2])
    c[1] = c[1] + 1
    local avg = c[2] or d
    c[2] = avg + (d - avg) / c[1]
    avgDirty[group] = true
  end
  if not c[2] then return {'', waiting} end
  return {string.format('%.17g', c[2]), waiting}
end

-- A: becomes a session's reader unless a live process reads it already (a dead one's claim is
-- taken over), and takes its waiting messages. Args: session, token, previous token of the same
-- reader ('' for none: a reader that lost messages takes its claim again under a new token).
-- Returns {-1} when the session has neither an event to complete nor a message to deliver, {0}
-- when another reads it, {2} when another's stream is done but not yet acknowledged (try again
-- shortly), else {1, events left, messages…}; with no event left, the claim is released at once
-- (the stream ends after these messages).
local function acquire(a)
  local session, token = ARGV[a], ARGV[a + 1]
  local ek, mk, rk = evKey(session), msgKey(session), readerKey(session)
  local left = redis.call('HLEN', ek)
  local out = redis.call('LRANGE', mk, 0, -1)
  if left == 0 and #out == 0 then return {-1} end
  local cur = redis.call('GET', rk)
  if cur and cur ~= token and not isReader(cur, ARGV[a + 2]) and redis.call('EXISTS', P .. 'proc:' .. pidOf(cur)) == 1 then
    if string.sub(cur, -5) == '|done' then return {2} end
    return {0}
  end
  if #out > 0 then redis.call('DEL', mk) end
  if left == 0 then
    if cur then redis.call('DEL', rk) end
  else
    redis.call('SET', rk, token, 'PX', TTL)
  end
  table.insert(out, 1, left)
  table.insert(out, 1, 1)
  return out
end

-- K: a reader acknowledges the first 'count' messages of its session's list (it wrote them),
-- and with release 1 gives its claim up. Args: session, token, count, release (1/0).
local function ack(a)
  local rk = readerKey(ARGV[a])
  if not isReader(redis.call('GET', rk), ARGV[a + 1]) then return 0 end
  local count = tonumber(ARGV[a + 2])
  if count > 0 then redis.call('LTRIM', msgKey(ARGV[a]), count, -1) end
  if ARGV[a + 3] == '1' then redis.call('DEL', rk) end
  return 0
end
`;

/**
 * Runs a list of operations in order and returns their results, one per operation; publishes
 * the messages for readers once, per process, at the end.
 * ARGV: prefix, process id, session TTL ms, how long (ms) a done stream's claim waits for its
 * acknowledgement, then per operation: its code, its argument count, its arguments.
 * Codes: `P` push, `C` claim, `F` finish, `A` acquire, `K` acknowledge (see above); `S` send
 * (session, then for each message its stored form and the id it completes or ''); `X` refresh
 * (session, token: the reader's claim lives on); `T` track (session, id, fn: an event run outside
 * the shared queue is pending); `E` has a reader (session: 1 when a live process reads it, else 0).
 * Every operation but `S`, `P` (whose session is its 7th argument), `C` and `F` has its session
 * first: the messages waiting for that session are written before it runs.
 */
export const BATCH = `${COMMON}${OPERATIONS}
local out = {}
local i = 5
while i <= #ARGV do
  local code, a, n = ARGV[i], i + 2, tonumber(ARGV[i + 1])
  local r = 0
  if code ~= 'S' and code ~= 'P' and code ~= 'C' and code ~= 'F' then settle(ARGV[a]) end
  if code == 'S' then
    local session = ARGV[a]
    for k = a + 1, a + n - 1, 2 do send(session, ARGV[k], ARGV[k + 1]) end
  elseif code == 'P' then r = push(a)
  elseif code == 'F' then r = finish(a)
  elseif code == 'A' then r = acquire(a)
  elseif code == 'C' then r = claim(a)
  elseif code == 'K' then ack(a)
  elseif code == 'X' then
    if redis.call('GET', readerKey(ARGV[a])) == ARGV[a + 1] then redis.call('PEXPIRE', readerKey(ARGV[a]), TTL) end
  elseif code == 'T' then
    redis.call('HSET', evKey(ARGV[a]), ARGV[a + 1], ARGV[a + 2])
    redis.call('PEXPIRE', evKey(ARGV[a]), TTL)
  elseif code == 'E' then
    local cur = redis.call('GET', readerKey(ARGV[a]))
    if cur and redis.call('EXISTS', P .. 'proc:' .. pidOf(cur)) == 1 then r = 1 end
  else
    return redis.error_reply('unknown operation ' .. tostring(code))
  end
  out[#out + 1] = r
  i = a + n
end
publish()
return out
`;

/**
 * Cancels an event of a session. KEYS: jobs, waiting, tpl. ARGV: id, session, prefix.
 * Returns 'waiting' (it left its queue), 'running' (its process was told) or 'unknown'.
 */
export const CANCEL = `
local job = redis.call('HGET', KEYS[1], ARGV[1])
if not job then
  -- A job started at once where it was pushed (its JSON is not kept), or an event run outside
  -- the shared queue: the session's pending events say whether it is this session's.
  if redis.call('HEXISTS', ARGV[3] .. 'sess:' .. ARGV[2] .. ':ev', ARGV[1]) == 0 then return 'unknown' end
  redis.call('PUBLISH', ARGV[3] .. 'cancel', ARGV[1])
  return 'running'
end
local j = cjson.decode(job)
if j.session ~= ARGV[2] then return 'unknown' end
if redis.call('LREM', ARGV[3] .. 'wait:' .. j.group, 1, ARGV[1]) > 0 then
  redis.call('DECR', KEYS[2])
  redis.call('HDEL', KEYS[1], ARGV[1])
  redis.call('HDEL', KEYS[3], ARGV[1])
  return 'waiting'
end
redis.call('PUBLISH', ARGV[3] .. 'cancel', ARGV[1])
return 'running'
`;

/**
 * Frees the slots of processes that died: their retried jobs go back to the head of their
 * queue, the others are returned (to be reported failed). ARGV: prefix, then group ids.
 */
export const REAP = `
local prefix = ARGV[1]
local lost = {}
for g = 2, #ARGV do
  local run = prefix .. 'run:' .. ARGV[g]
  local entries = redis.call('HGETALL', run)
  for i = 1, #entries, 2 do
    local v = entries[i + 1]
    local pid, list, fn, session = string.match(v, '^([^|]*)|([^|]*)|?([^|]*)|?(.*)$')
    if redis.call('EXISTS', prefix .. 'proc:' .. pid) == 0 then
      redis.call('HDEL', run, entries[i])
      local ids = {}
      if fn ~= '' then
        -- A job started at once where it was pushed: its slot says what the report needs.
        lost[#lost + 1] = string.format('{"id":%s,"session":%s,"fn":%d,"group":%s,"batchKey":null,"retry":false,"payload":null}',
          cjson.encode(list), cjson.encode(session), tonumber(fn), cjson.encode(ARGV[g]))
      else
        for id in string.gmatch(list, '[^,]+') do ids[#ids + 1] = id end
      end
      for k = #ids, 1, -1 do
        local id = ids[k]
        local job = redis.call('HGET', prefix .. 'jobs', id)
        if job then
          if cjson.decode(job).retry == true then
            redis.call('LPUSH', prefix .. 'wait:' .. ARGV[g], id)
            redis.call('INCR', prefix .. 'waiting')
          else
            redis.call('HDEL', prefix .. 'jobs', id)
            lost[#lost + 1] = job
          end
        end
      end
    end
  end
end
return lost
`;
