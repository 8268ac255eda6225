// Parley's hosted call page, served at /l/{code} for every call link (docs/call-links.md).
// It reads the link's public view, applies its theme, asks for a name when the link has none,
// gets a short-lived token for the link and calls the link's destination with the SDK.
// Text from the server is only ever set as textContent. document.body.dataset.state says
// where the page is (loading, name, ready, calling, in-call, ended, inactive, expired,
// not-found, error); window.parleyLink exposes the link, the session, client and call.
import { createClient } from '/sdk/parley.js';

const $ = (id) => document.getElementById(id);
const API = '/call-link/1/public/links/';
const NAME_MAX = 50;

const page = {
  code: linkCode(),
  link: null,
  session: null,
  client: null,
  call: null,
  recording: false,
  facing: 'user',
  ended: null,
};
window.parleyLink = page;

/** The link's code: the path segment after /l/ (or ?code= when the page is opened directly). */
function linkCode() {
  const match = /\/l\/([^/]+)\/?$/.exec(location.pathname);
  if (match) {
    try {
      return decodeURIComponent(match[1]);
    } catch {
      return null;
    }
  }
  return new URLSearchParams(location.search).get('code');
}

function setState(state) {
  document.body.dataset.state = state;
}

function show(el, visible) {
  el.hidden = !visible;
}

// ---- the link's public view -----------------------------------------------------------------

async function load() {
  setState('loading');
  if (!page.code) return notFound();
  let response;
  try {
    response = await fetch(API + encodeURIComponent(page.code), { headers: { Accept: 'application/json' } });
  } catch {
    return failed('The call page cannot reach the server. Check your connection and try again.');
  }
  if (response.status === 404) return notFound();
  if (!response.ok) return failed(await problemText(response, 'The link cannot be opened right now.'));
  page.link = await response.json();
  applyTheme(page.link.theme);
  renderLink();
}

async function problemText(response, fallback) {
  if (response.status === 429) return 'Too many requests. Wait a moment and try again.';
  try {
    const problem = await response.json();
    return typeof problem.detail === 'string' && problem.detail ? problem.detail : fallback;
  } catch {
    return fallback;
  }
}

function intro({ message, destination = null, detail = null, form = false, askName = false, retry = false }) {
  show($('intro'), true);
  show($('call'), false);
  $('message').textContent = message;
  $('destination').textContent = destination ?? '';
  show($('destination'), !!destination);
  $('detail').textContent = detail ?? '';
  show($('detail'), !!detail);
  show($('start-form'), form);
  show($('name'), askName);
  show($('name-label'), askName);
  $('name').required = askName;
  show($('name-error'), false);
  $('start').disabled = false;
  show($('retry'), retry);
}

function notFound() {
  document.title = 'Link not found';
  setState('not-found');
  intro({ message: 'Link not found', detail: 'This call link does not exist. Check the address you were given.' });
}

function failed(text) {
  setState('error');
  intro({ message: 'Something went wrong', detail: text, retry: true });
}

/** Who or what the call goes to, when the link says. */
function destinationText(link) {
  const d = link.destination ?? {};
  if (!d.name) return null;
  return d.type === 'ROOM' ? `Room: ${d.name}` : `Call to ${d.name}`;
}

function renderLink(detail = null) {
  const link = page.link;
  document.title = link.message || 'Call';
  if (link.state === 'ACTIVE') {
    setState(link.askName ? 'name' : 'ready');
    intro({ message: link.message, destination: destinationText(link), detail, form: true, askName: !!link.askName });
    if (link.askName) $('name').focus();
  } else {
    setState(link.state === 'EXPIRED' ? 'expired' : 'inactive');
    intro({ message: link.message, detail });
  }
}

// ---- theme ------------------------------------------------------------------------------------

const HEX = /^#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;

/** A same-origin or http(s) URL from the server, resolved; null for anything else. */
function safeUrl(value) {
  if (typeof value !== 'string' || !value) return null;
  try {
    const url = new URL(value, location.href);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

function applyTheme(theme) {
  const colors = theme?.colors ?? {};
  const root = document.documentElement.style;
  for (const [key, variable] of [['primary', '--primary'], ['primaryText', '--primary-text'],
    ['background', '--background']]) {
    if (typeof colors[key] === 'string' && HEX.test(colors[key])) root.setProperty(variable, colors[key]);
  }
  const logo = safeUrl(theme?.logoUrl);
  show($('logo'), !!logo);
  show($('default-logo'), !logo);
  if (logo) $('logo').src = logo.href;
  else $('logo').removeAttribute('src');
  const background = safeUrl(theme?.backgroundUrl);
  // URL serialisation percent-encodes quotes, so the href cannot leave the CSS string.
  document.body.style.backgroundImage = background ? `url("${background.href}")` : '';
  document.body.classList.toggle('has-background', !!background);
}

// ---- starting a call --------------------------------------------------------------------------

// A logo that does not load gives way to the built-in mark.
$('logo').addEventListener('error', () => {
  show($('logo'), false);
  show($('default-logo'), true);
});

$('start-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void start();
});
$('retry').addEventListener('click', () => void load());

function nameError(text) {
  $('name-error').textContent = text;
  show($('name-error'), !!text);
  $('name').setAttribute('aria-invalid', String(!!text));
}

async function start() {
  const link = page.link;
  if (!link || link.state !== 'ACTIVE' || page.call) return;
  const body = {};
  if (link.askName) {
    const name = $('name').value.trim();
    if (!name) return nameError('Enter your name to start the call.');
    if (name.length > NAME_MAX) return nameError(`Your name can have at most ${NAME_MAX} characters.`);
    nameError('');
    body.displayName = name;
  }
  $('start').disabled = true;
  let response;
  try {
    response = await fetch(`${API}${encodeURIComponent(page.code)}/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    $('start').disabled = false;
    return nameError('The call cannot start: the server cannot be reached.');
  }
  if (response.status === 409 || response.status === 404) {
    // The link changed since the page opened (expired, used, not active): show what it is now.
    return load();
  }
  if (!response.ok) {
    $('start').disabled = false;
    return nameError(await problemText(response, 'The call cannot start right now. Try again.'));
  }
  page.session = await response.json();
  await connectAndCall(page.session);
}

async function connectAndCall(session) {
  setState('calling');
  page.ended = null;
  page.recording = false;
  show($('rec'), false);
  show($('intro'), false);
  show($('call'), true);
  status('Connecting…');
  const client = createClient(session.token);
  page.client = client;
  client.on('disconnected', (e) => {
    if (page.client === client && page.call) ended(e.errorCode);
  });
  try {
    await client.connect();
  } catch (e) {
    page.client = null;
    return ended(e?.errorCode ?? { name: 'CONNECTION_LOST' });
  }
  const options = page.link.initialOptions ?? {};
  const destination = session.destination ?? {};
  const video = !!options.video && destination.type !== 'PHONE';
  const media = { audio: options.audio !== false, video };
  if (video) {
    page.facing = options.cameraFacingMode === 'ENVIRONMENT' ? 'environment' : 'user';
    media.videoInputDevice = await cameraFacing(page.facing);
  }
  try {
    if (destination.type === 'ROOM') {
      page.call = client.joinRoom(destination.roomName, media);
      watchRoom(page.call);
    } else if (destination.type === 'PHONE') {
      page.call = client.callPhoneNumber(destination.phoneNumber, { audio: media.audio, from: destination.from });
      watchCall(page.call);
    } else {
      page.call = client.callWebrtc(destination.identity, media);
      watchCall(page.call);
    }
  } catch (e) {
    return ended(e?.errorCode ?? { name: 'INTERNAL_ERROR' });
  }
  if (options.muted) page.call.mute(true).catch(() => undefined);
  status(destination.type === 'ROOM' ? 'Joining…' : 'Calling…');
  setupControls(destination.type);
}

function status(text) {
  $('call-status').textContent = text;
}

// ---- calls and rooms --------------------------------------------------------------------------

function play(element, stream) {
  if (element.srcObject !== stream) element.srcObject = stream;
  element.play?.().catch(() => undefined);
}

function common(call) {
  call.on('camera-video-added', (e) => {
    play($('self-video'), e.stream);
    $('self').classList.toggle('mirror', page.facing === 'user');
    show($('self'), true);
    updateControls();
  });
  call.on('camera-video-removed', () => {
    $('self-video').srcObject = null;
    show($('self'), false);
    updateControls();
  });
  call.on('screen-share-added', updateControls);
  call.on('screen-share-removed', updateControls);
  call.on('recording-started', () => {
    page.recording = true;
    show($('rec'), !!page.link.callOptions?.recordingIndicator);
  });
  call.on('reconnecting', () => status('Reconnecting…'));
}

function watchCall(call) {
  common(call);
  const remote = tile('remote', '');
  call.on('ringing', () => status('Ringing…'));
  call.on('early-media', (e) => play($('remote-audio'), e.stream));
  call.on('established', (e) => {
    if (page.call !== call) return;
    play($('remote-audio'), e.stream);
    setState('in-call');
    const who = call.counterpart?.();
    remote.querySelector('.name').textContent = who && who.type === 'WEBRTC' && page.link.destination?.name
      ? page.link.destination.name : '';
    status('');
    fillDevices();
  });
  call.on('remote-stream-updated', (e) => play($('remote-audio'), e.stream));
  call.on('remote-camera-video-added', (e) => {
    play(remote.querySelector('video'), e.stream);
    remote.classList.add('video');
  });
  call.on('remote-camera-video-removed', () => {
    remote.querySelector('video').srcObject = null;
    remote.classList.remove('video');
  });
  call.on('remote-screen-share-added', (e) => {
    const screen = tile('remote-screen', 'Screen');
    play(screen.querySelector('video'), e.stream);
    screen.classList.add('video');
  });
  call.on('remote-screen-share-removed', () => removeTile('remote-screen'));
  call.on('remote-muted', () => remote.classList.add('muted'));
  call.on('remote-unmuted', () => remote.classList.remove('muted'));
  call.on('reconnected', () => status(''));
  call.on('hangup', (e) => {
    if (page.call === call) ended(e.errorCode);
  });
}

function watchRoom(room) {
  common(room);
  const joined = (p) => {
    const t = tile(`p-${p.identity}`, p.displayName || p.identity);
    t.dataset.identity = p.identity;
    play(t.querySelector('audio'), p.stream);
    if (p.camera && p.stream.getVideoTracks().length > 0) {
      play(t.querySelector('video'), p.stream);
      t.classList.add('video');
    }
    t.classList.toggle('muted', !!p.audioMuted);
    return t;
  };
  room.on('room-joined', (e) => {
    if (page.call !== room) return;
    setState('in-call');
    e.participants.forEach(joined);
    roomStatus(room);
    fillDevices();
  });
  room.on('participant-joined', (e) => { joined(e.participant); roomStatus(room); });
  room.on('participant-left', (e) => {
    removeTile(`p-${e.participant.identity}`);
    removeTile(`s-${e.participant.identity}`);
    roomStatus(room);
  });
  room.on('participant-stream-updated', (e) => play(joined(e.participant).querySelector('audio'), e.stream));
  room.on('participant-camera-video-added', (e) => {
    const t = joined(e.participant);
    play(t.querySelector('video'), e.stream);
    t.classList.add('video');
  });
  room.on('participant-camera-video-removed', (e) => {
    const t = joined(e.participant);
    t.querySelector('video').srcObject = null;
    t.classList.remove('video');
  });
  room.on('participant-screen-share-added', (e) => {
    const t = tile(`s-${e.participant.identity}`, `${e.participant.displayName || e.participant.identity} (screen)`);
    t.querySelector('audio').remove();
    play(t.querySelector('video'), e.stream);
    t.classList.add('video');
  });
  room.on('participant-screen-share-removed', (e) => removeTile(`s-${e.participant.identity}`));
  for (const name of ['participant-muted', 'participant-unmuted']) room.on(name, (e) => joined(e.participant));
  room.on('participant-started-talking', (e) => joined(e.participant).classList.add('talking'));
  room.on('participant-stopped-talking', (e) => joined(e.participant).classList.remove('talking'));
  room.on('reconnected', () => roomStatus(room));
  room.on('room-left', (e) => {
    if (page.call === room) ended(e.errorCode);
  });
}

function roomStatus(room) {
  const others = room.participants().length;
  status(others === 0 ? 'Waiting for others to join…' : `${others + 1} in the room`);
}

/** A remote tile (created on first use): a muted video, a name and an unmuted audio element. */
function tile(key, name) {
  const id = `tile-${key}`;
  let t = [...$('remotes').children].find((c) => c.dataset.key === id);
  if (t) return t;
  t = document.createElement('figure');
  t.className = 'tile';
  t.dataset.key = id;
  const video = document.createElement('video');
  Object.assign(video, { autoplay: true, playsInline: true, muted: true });
  const caption = document.createElement('figcaption');
  caption.className = 'name';
  caption.textContent = name;
  const audio = document.createElement('audio');
  audio.autoplay = true;
  t.append(video, caption, audio);
  $('remotes').append(t);
  const speaker = $('speaker-select').value;
  if (speaker) audio.setSinkId?.(speaker).catch(() => undefined);
  return t;
}

function removeTile(key) {
  const t = [...$('remotes').children].find((c) => c.dataset.key === `tile-${key}`);
  if (!t) return;
  for (const m of t.querySelectorAll('audio, video')) m.srcObject = null;
  t.remove();
}

// ---- the end of a call ------------------------------------------------------------------------

const ENDINGS = {
  NORMAL_HANGUP: 'The call has ended.',
  BUSY: 'The line is busy. Please try again later.',
  NO_ANSWER: 'Nobody answered. Please try again later.',
  REJECTED: 'The call was declined.',
  CANCELLED: 'The call was cancelled.',
  DESTINATION_NOT_FOUND: 'Nobody can be reached here at the moment.',
  DESTINATION_UNAVAILABLE: 'Nobody is available to take the call at the moment. Please try again later.',
  ROOM_FULL: 'The room is full.',
  FORBIDDEN: 'This call is not allowed.',
  UNAUTHENTICATED: 'The session has expired. Start again.',
  MEDIA_FAILED: 'The call could not use your microphone or camera, or its media connection failed.',
  CONNECTION_LOST: 'The connection was lost.',
};

async function ended(errorCode) {
  const call = page.call;
  const client = page.client;
  page.call = null;
  page.client = null;
  const name = errorCode?.name ?? 'INTERNAL_ERROR';
  page.ended = name;
  if (call && call.status?.() !== 'FINISHED') {
    try { call.hangup(); } catch { /* already over */ }
  }
  client?.disconnect();
  $('remote-audio').srcObject = null;
  $('self-video').srcObject = null;
  show($('self'), false);
  for (const t of [...$('remotes').children]) removeTile(t.dataset.key.slice('tile-'.length));
  show($('dialpad'), false);
  show($('settings'), false);
  show($('rec'), false);
  setState('ended');
  const message = ENDINGS[name] ?? 'The call could not be completed.';
  intro({ message, detail: null });
  // The link may have changed (a one-time link is used up once a call was established).
  try {
    const response = await fetch(API + encodeURIComponent(page.code), { headers: { Accept: 'application/json' } });
    if (response.ok) {
      page.link = await response.json();
      applyTheme(page.link.theme);
    }
  } catch {
    // Keep what the page knew; Start again asks the server anyway.
  }
  if (page.call) return; // started again meanwhile
  const active = page.link.state === 'ACTIVE';
  intro({ message, detail: active ? null : page.link.message, form: active, askName: active && !!page.link.askName });
  $('start').textContent = active ? 'Start again' : 'Start';
  document.body.dataset.linkState = page.link.state;
}

// ---- controls ---------------------------------------------------------------------------------

function setupControls(type) {
  const allowed = page.link.callOptions ?? {};
  const canShare = !!navigator.mediaDevices?.getDisplayMedia;
  show($('mute'), !!allowed.mute);
  show($('camera'), !!allowed.camera && type !== 'PHONE');
  show($('flip'), !!allowed.switchCameraFacingMode && type !== 'PHONE');
  show($('screen'), !!allowed.screenShare && type !== 'PHONE' && canShare);
  show($('keypad'), !!allowed.dialPad && type === 'PHONE');
  show($('gear'), !!allowed.settings);
  show($('dialpad'), false);
  show($('settings'), false);
  $('keypad').setAttribute('aria-pressed', 'false');
  $('gear').setAttribute('aria-pressed', 'false');
  updateControls();
}

function pressed(id, on, onText, offText) {
  $(id).setAttribute('aria-pressed', String(on));
  $(id).textContent = on ? onText : offText;
}

function updateControls() {
  const call = page.call;
  if (!call) return;
  pressed('mute', call.muted(), 'Unmute', 'Mute');
  pressed('camera', call.hasCameraVideo(), 'Stop video', 'Start video');
  pressed('screen', call.hasScreenShare(), 'Stop sharing', 'Share screen');
  $('flip').disabled = !call.hasCameraVideo();
}

async function act(fn) {
  const call = page.call;
  if (!call) return;
  try {
    await fn(call);
  } catch (e) {
    status(e?.errorCode?.description ?? String(e?.message ?? e));
  }
  updateControls();
}

$('mute').addEventListener('click', () => act((c) => c.mute(!c.muted())));
$('camera').addEventListener('click', () => act(async (c) => {
  if (!c.hasCameraVideo()) {
    const device = await cameraFacing(page.facing);
    if (device) await c.setVideoInputDevice(device);
  }
  await c.cameraVideo(!c.hasCameraVideo());
}));
$('screen').addEventListener('click', () => act((c) => c.screenShare(!c.hasScreenShare())));
$('flip').addEventListener('click', () => act(async (c) => {
  const next = page.facing === 'user' ? 'environment' : 'user';
  const device = await cameraFacing(next, true);
  if (!device) throw new Error('There is no other camera.');
  page.facing = next;
  await c.setVideoInputDevice(device);
  $('self').classList.toggle('mirror', next === 'user');
}));
$('hangup').addEventListener('click', () => {
  const call = page.call;
  if (!call) return;
  try {
    call.hangup();
  } catch {
    ended({ name: 'NORMAL_HANGUP' });
  }
});
$('keypad').addEventListener('click', () => {
  const open = $('dialpad').hidden;
  show($('dialpad'), open);
  $('keypad').setAttribute('aria-pressed', String(open));
});
$('gear').addEventListener('click', () => {
  const open = $('settings').hidden;
  show($('settings'), open);
  $('gear').setAttribute('aria-pressed', String(open));
  if (open) fillDevices();
});

for (const digit of ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#']) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = digit;
  b.dataset.digit = digit;
  b.addEventListener('click', () => act((c) => c.sendDTMF(digit)));
  $('dialpad').append(b);
}

// ---- devices ----------------------------------------------------------------------------------

async function videoInputs() {
  try {
    return (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput');
  } catch {
    return [];
  }
}

/**
 * A camera facing `mode` ('user' or 'environment'): by the device's reported facing mode, else
 * by its label, else by asking the browser for that facing mode once (before the page may use
 * the camera, devices report neither). Undefined lets the browser choose. With `other` (the
 * flip button) and no camera found for `mode`, another camera than the one in use.
 */
async function cameraFacing(mode, other = false) {
  const cameras = await videoInputs();
  const facing = (d) => {
    const reported = d.getCapabilities?.().facingMode ?? [];
    if (reported.length > 0) return reported.includes(mode);
    const label = d.label.toLowerCase();
    return mode === 'environment' ? /back|rear|environment/.test(label) : /front|user|face/.test(label);
  };
  const match = cameras.find((d) => d.deviceId && facing(d));
  if (match) return match.deviceId;
  const probed = await probeFacing(mode, other);
  if (probed) return probed;
  if (!other || cameras.length < 2) return undefined;
  const current = page.call?.localStream().getVideoTracks()[0]?.getSettings().deviceId;
  return cameras.find((d) => d.deviceId && d.deviceId !== current)?.deviceId;
}

/** The id of the camera the browser picks for a facing mode (exact when flipping), or undefined. */
async function probeFacing(mode, exact) {
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: exact ? { exact: mode } : mode } });
    const track = stream.getVideoTracks()[0];
    const settings = track?.getSettings() ?? {};
    stream.getTracks().forEach((t) => t.stop());
    if (exact && settings.facingMode !== mode) return undefined;
    return settings.deviceId || undefined;
  } catch {
    return undefined;
  }
}

async function fillDevices() {
  if (!page.link?.callOptions?.settings || !page.client) return;
  const fill = async (select, kind, label) => {
    const keep = select.value;
    let list = [];
    try {
      list = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === kind);
    } catch { /* none */ }
    select.replaceChildren(new Option('Default', ''));
    list.forEach((d, i) => select.add(new Option(d.label || `${label} ${i + 1}`, d.deviceId)));
    if ([...select.options].some((o) => o.value === keep)) select.value = keep;
  };
  await Promise.all([fill($('mic-select'), 'audioinput', 'Microphone'),
    fill($('camera-select'), 'videoinput', 'Camera'), fill($('speaker-select'), 'audiooutput', 'Speaker')]);
  $('speaker-select').parentElement.hidden = !HTMLMediaElement.prototype.setSinkId;
}

$('mic-select').addEventListener('change', () => {
  const id = $('mic-select').value;
  if (id) act((c) => c.setAudioInputDevice(id));
});
$('camera-select').addEventListener('change', () => {
  const id = $('camera-select').value;
  if (id) act((c) => c.setVideoInputDevice(id));
});
$('speaker-select').addEventListener('change', () => {
  const id = $('speaker-select').value;
  if (!id) return;
  for (const el of document.querySelectorAll('audio')) el.setSinkId?.(id).catch(() => undefined);
  act((c) => c.setAudioOutputDevice(id));
});

void load();
