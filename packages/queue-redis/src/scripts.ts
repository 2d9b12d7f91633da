/**
 * The Lua scripts of the Redis queue. Each runs atomically in Redis, so that no two processes
 * ever see a half-made change (a job both waiting and running, a slot taken twice).
 *
 * Keys, under the queue's prefix `P`:
 * - `P jobs` (hash): event id → job JSON, while the job waits or runs.
 * - `P tpl` (hash): event id → `<session>\n<estimation template>`, while the job waits.
 * - `P wait:<group>` (list): waiting event ids, first in first out.
 * - `P run:<group>` (hash): run id → `<process id>|<event ids, comma-separated>`.
 * - `P waiting` (counter): jobs waiting in all groups (for `max_size`).
 * - `P avg:<group>` (hash): `runs`, `average` duration in seconds.
 * - `P proc:<process id>`: exists while that process is alive (it expires unless renewed).
 * - `P sess:<session>:ev` (hash): the session's events whose completion has not been sent yet.
 * - `P sess:<session>:msg` (list): the session's undelivered messages (JSON `[text, completes]`).
 * - `P sess:<session>:reader`: the process reading the session's stream.
 * - `P state:<session>:<id>`: a State value (bytes).
 * Channels: `P wake:<process id>` (a message waits for a session that process reads: the
 * session is the payload), `P cancel` (an event id to abort).
 */

/** Fills an estimation template: `{rank}`, `{queue_size}` and `{rank_eta}` (a number or null). */
const FILL = `
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
local function send(prefix, session, text, completes, ttl)
  local key = prefix .. 'sess:' .. session .. ':msg'
  redis.call('RPUSH', key, cjson.encode({text, completes}))
  if completes then redis.call('HDEL', prefix .. 'sess:' .. session .. ':ev', completes) end
  redis.call('PEXPIRE', key, ttl)
  local reader = redis.call('GET', prefix .. 'sess:' .. session .. ':reader')
  if reader then redis.call('PUBLISH', prefix .. 'wake:' .. reader, session) end
end
`;

/**
 * Adds a job. KEYS: jobs, wait, run, waiting, avg, session events, tpl.
 * ARGV: id, job JSON, max size (-1: none), limit (-1: none), process id, may claim (1/0),
 * session TTL ms, session, estimation template ('' for none), prefix, fn index, most pending
 * events per session (-1: none).
 * Returns {1} when this process claimed it, {-1} when the queue is full, {-2} when the session
 * has too many events pending, else {0, rank, size}.
 */
export const PUSH = `${FILL}
local limit = tonumber(ARGV[4])
local ttl = ARGV[7]
local perSession = tonumber(ARGV[12])
if perSession >= 0 and redis.call('HLEN', KEYS[6]) >= perSession then return {-2} end
redis.call('HSET', KEYS[6], ARGV[1], ARGV[11])
redis.call('PEXPIRE', KEYS[6], ttl)
if ARGV[6] == '1' and redis.call('LLEN', KEYS[2]) == 0 and (limit < 0 or redis.call('HLEN', KEYS[3]) < limit) then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
  redis.call('HSET', KEYS[3], ARGV[1], ARGV[5] .. '|' .. ARGV[1])
  return {1}
end
local max = tonumber(ARGV[3])
if max >= 0 and tonumber(redis.call('GET', KEYS[4]) or '0') >= max then
  redis.call('HDEL', KEYS[6], ARGV[1])
  return {-1}
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
local size = redis.call('RPUSH', KEYS[2], ARGV[1])
redis.call('INCR', KEYS[4])
if ARGV[9] ~= '' then
  redis.call('HSET', KEYS[7], ARGV[1], ARGV[8] .. '\\n' .. ARGV[9])
  local avg = tonumber(redis.call('HGET', KEYS[5], 'average') or '')
  send(ARGV[10], ARGV[8], fill(ARGV[9], size - 1, size, avg, limit), false, ttl)
end
return {0, size - 1, size}
`;

/**
 * Claims the next waiting job of a group (and, for a batch key, more of the same key) if the
 * group has a free slot. KEYS: jobs, wait, run, waiting, avg, tpl.
 * ARGV: limit (-1: none), process id, batch max, rank pass (1/0), session TTL ms, prefix.
 * Returns the claimed jobs' JSON (empty when none). With a rank pass, every job still waiting
 * is sent its new place.
 */
export const CLAIM = `${FILL}
local limit = tonumber(ARGV[1])
if limit >= 0 and redis.call('HLEN', KEYS[3]) >= limit then return {} end
local out = {}
local ids = {}
while #out == 0 do
  local id = redis.call('LPOP', KEYS[2])
  if not id then return {} end
  redis.call('DECR', KEYS[4])
  redis.call('HDEL', KEYS[6], id)
  local job = redis.call('HGET', KEYS[1], id)
  if job then
    out[1] = job
    ids[1] = id
  end
end
local bmax = tonumber(ARGV[3])
if bmax > 1 then
  local key = cjson.decode(out[1]).batchKey
  if type(key) == 'string' then
    local candidates = redis.call('LRANGE', KEYS[2], 0, 255)
    for _, cid in ipairs(candidates) do
      if #out >= bmax then break end
      local cj = redis.call('HGET', KEYS[1], cid)
      if cj and cjson.decode(cj).batchKey == key then
        redis.call('LREM', KEYS[2], 1, cid)
        redis.call('DECR', KEYS[4])
        redis.call('HDEL', KEYS[6], cid)
        out[#out + 1] = cj
        ids[#ids + 1] = cid
      end
    end
  end
end
redis.call('HSET', KEYS[3], ids[1], ARGV[2] .. '|' .. table.concat(ids, ','))
if ARGV[4] == '1' then
  local waiting = redis.call('LRANGE', KEYS[2], 0, -1)
  local size = #waiting
  local avg = tonumber(redis.call('HGET', KEYS[5], 'average') or '')
  for rank, wid in ipairs(waiting) do
    local t = redis.call('HGET', KEYS[6], wid)
    if t then
      local nl = string.find(t, '\\n', 1, true)
      send(ARGV[6], string.sub(t, 1, nl - 1), fill(string.sub(t, nl + 1), rank - 1, size, avg, limit), false, ARGV[5])
    end
  end
end
return out
`;

/**
 * A run ended: frees its slot, forgets its jobs and records its duration.
 * KEYS: run, jobs, avg, wait. ARGV: run id, duration in seconds ('' for none).
 * Returns the group's average duration ('' when unknown) and how many jobs wait in the group.
 */
export const FINISH = `
local waiting = redis.call('LLEN', KEYS[4])
local v = redis.call('HGET', KEYS[1], ARGV[1])
if v then
  redis.call('HDEL', KEYS[1], ARGV[1])
  local bar = string.find(v, '|', 1, true)
  for id in string.gmatch(string.sub(v, bar + 1), '[^,]+') do redis.call('HDEL', KEYS[2], id) end
end
if ARGV[2] == '' then return {redis.call('HGET', KEYS[3], 'average') or '', waiting} end
local runs = redis.call('HINCRBY', KEYS[3], 'runs', 1)
local d = tonumber(ARGV[2])
local a = tonumber(redis.call('HGET', KEYS[3], 'average') or ARGV[2])
a = a + (d - a) / runs
local s = string.format('%.17g', a)
redis.call('HSET', KEYS[3], 'average', s)
return {s, waiting}
`;

/**
 * Cancels an event of a session. KEYS: jobs, waiting, tpl. ARGV: id, session, prefix.
 * Returns 'waiting' (it left its queue), 'running' (its process was told) or 'unknown'.
 */
export const CANCEL = `
local job = redis.call('HGET', KEYS[1], ARGV[1])
if not job then return 'unknown' end
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

/** Sends messages to a session. KEYS: none. ARGV: prefix, session, TTL ms, then text/completes pairs. */
export const DELIVER = `${FILL}
for i = 4, #ARGV, 2 do
  local completes = ARGV[i + 1]
  if completes == '' then completes = false end
  send(ARGV[1], ARGV[2], ARGV[i], completes, ARGV[3])
end
return 1
`;

/**
 * Takes every waiting message of a session, and tells whether any event of it is still to
 * complete; when none is, this process's reader claim is released (the stream may end).
 * KEYS: msg list, events, reader. ARGV: process id. Returns {events left, messages…}.
 */
export const DRAIN = `
local m = redis.call('LRANGE', KEYS[1], 0, -1)
if #m > 0 then redis.call('DEL', KEYS[1]) end
local left = redis.call('HLEN', KEYS[2])
if left == 0 and redis.call('GET', KEYS[3]) == ARGV[1] then redis.call('DEL', KEYS[3]) end
table.insert(m, 1, left)
return m
`;

/**
 * Becomes a session's reader unless a live process reads it already (a dead one's claim is
 * taken over). KEYS: reader key, session events, session messages. ARGV: process id, TTL ms,
 * prefix. Returns 1 when acquired, 0 when another reads it, -1 when the session has neither an
 * event to complete nor a message to deliver.
 */
export const ACQUIRE = `
if redis.call('EXISTS', KEYS[2]) == 0 and redis.call('EXISTS', KEYS[3]) == 0 then return -1 end
local cur = redis.call('GET', KEYS[1])
if cur and cur ~= ARGV[1] and redis.call('EXISTS', ARGV[3] .. 'proc:' .. cur) == 1 then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
`;

/** Puts messages back at the head of a session's list (taken by a reader that closed meanwhile). KEYS: msg list. ARGV: messages, in order. */
export const UNDRAIN = `
for i = #ARGV, 1, -1 do redis.call('LPUSH', KEYS[1], ARGV[i]) end
return 1
`;

/** Releases a key held by this process (a reader). KEYS: key. ARGV: process id. */
export const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
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
    local bar = string.find(v, '|', 1, true)
    local pid = string.sub(v, 1, bar - 1)
    if redis.call('EXISTS', prefix .. 'proc:' .. pid) == 0 then
      redis.call('HDEL', run, entries[i])
      local ids = {}
      for id in string.gmatch(string.sub(v, bar + 1), '[^,]+') do ids[#ids + 1] = id end
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
