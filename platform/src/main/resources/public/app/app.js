// Parley demo app: sign in, call another identity, rooms. Plain ES module on the SDK at
// /sdk/parley.js. window.parleyApp exposes the client, the current call and room, and an
// event log ({name, source, detail} for every SDK event the app receives) for tests.
import { createClient } from '/sdk/parley.js';

const $ = (id) => document.getElementById(id);

const app = {
  client: null,
  call: null,
  room: null,
  /** The incoming call waiting for Accept/Decline. */
  incoming: null,
  events: [],
};
window.parleyApp = app;

// ---- event log ---------------------------------------------------------------------------

function record(source, name, detail) {
  app.events.push({ name, source, detail });
  const li = document.createElement('li');
  li.textContent = `${new Date().toLocaleTimeString()} ${source} ${name} ${describe(detail)}`;
  $('event-log').prepend(li);
  while ($('event-log').children.length > 200) $('event-log').lastChild.remove();
}

function describe(detail) {
  if (!detail) return '';
  const parts = [];
  for (const [k, v] of Object.entries(detail)) {
    if (v instanceof MediaStream) parts.push(`${k}=stream(${v.getTracks().map((t) => t.kind).join(',')})`);
    else if (k === 'call') parts.push(`call=${v.id()}`);
    else if (k === 'participant') parts.push(`participant=${v.identity}`);
    else if (k === 'participants') parts.push(`participants=[${v.map((p) => p.identity).join(',')}]`);
    else parts.push(`${k}=${JSON.stringify(v)}`);
  }
  return parts.join(' ');
}

/** Listens to `names` on `target`, recording each event before calling `handlers[name]`. */
function listen(target, source, names, handlers) {
  for (const name of names) {
    target.on(name, (detail) => {
      record(source, name, detail);
      handlers[name]?.(detail);
    });
  }
}

const CLIENT_EVENTS = ['connected', 'disconnected', 'reconnecting', 'reconnected', 'incoming-call'];
const MEDIA_EVENTS = ['error', 'camera-video-added', 'camera-video-removed', 'screen-share-added',
  'screen-share-removed', 'network-quality-changed', 'dtmf-received', 'reconnecting', 'reconnected',
  'recording-started'];
const CALL_EVENTS = [...MEDIA_EVENTS, 'ringing', 'early-media', 'established', 'hangup', 'remote-muted', 'remote-unmuted',
  'remote-camera-video-added', 'remote-camera-video-removed', 'remote-screen-share-added',
  'remote-screen-share-removed', 'remote-stream-updated', 'hold-changed', 'remote-network-quality-changed',
  'remote-disconnected', 'remote-reconnected'];
const ROOM_EVENTS = [...MEDIA_EVENTS, 'room-joined', 'room-left', 'participant-joined', 'participant-left',
  'participant-muted', 'participant-unmuted', 'participant-camera-video-added',
  'participant-camera-video-removed', 'participant-screen-share-added', 'participant-screen-share-removed',
  'participant-started-talking', 'participant-stopped-talking', 'participant-network-quality-changed',
  'participant-stream-updated', 'participant-disconnected', 'participant-reconnected'];

function showError(id, e) {
  const el = $(id);
  el.hidden = !e;
  el.textContent = e ? (e.errorCode ? `${e.errorCode.name}: ${e.errorCode.description}` : String(e.message ?? e)) : '';
}

function setStatus(text) {
  $('status').textContent = text;
}

// ---- sign in -----------------------------------------------------------------------------

$('signin-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  showError('signin-error', null);
  const identity = $('identity').value.trim();
  const displayName = $('display-name').value.trim() || identity;
  $('signin-button').disabled = true;
  try {
    const res = await fetch('/demo/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ identity, displayName }),
    });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(body.detail || body.title || `token request failed (${res.status})`);
    const client = createClient(body.token);
    app.client = client;
    listen(client, 'client', CLIENT_EVENTS, {
      connected: () => setStatus('connected'),
      disconnected: (e) => {
        setStatus(`disconnected (${e.errorCode.name})`);
        if (app.client === client) signedOut();
      },
      reconnecting: () => setStatus('reconnecting…'),
      reconnected: () => setStatus('connected'),
      'incoming-call': (e) => incomingCall(e.call),
    });
    await client.connect();
    const me = client.connectedUser();
    $('me').textContent = `${me.displayName} (${me.identity})`;
    $('signin').hidden = true;
    $('home').hidden = false;
    setStatus('connected');
    refreshDevices();
  } catch (e) {
    showError('signin-error', e);
    app.client = null;
  } finally {
    $('signin-button').disabled = false;
  }
});

$('signout-button').addEventListener('click', () => {
  const client = app.client;
  app.client = null;
  client?.disconnect();
  signedOut();
});

function signedOut() {
  app.client = null;
  callEnded();
  roomEnded();
  $('incoming').hidden = true;
  $('home').hidden = true;
  $('signin').hidden = false;
  setStatus('signed out');
}

// ---- devices -----------------------------------------------------------------------------

async function refreshDevices() {
  if (!app.client) return;
  const fill = async (select, list, label) => {
    const keep = select.value;
    select.replaceChildren(new Option('default', ''));
    (await list).forEach((d, i) => select.add(new Option(d.label || `${label} ${i + 1}`, d.deviceId)));
    if ([...select.options].some((o) => o.value === keep)) select.value = keep;
  };
  try {
    await Promise.all([
      fill($('mic-select'), app.client.getAudioInputDevices(), 'microphone'),
      fill($('camera-select'), app.client.getVideoInputDevices(), 'camera'),
      fill($('speaker-select'), app.client.getAudioOutputDevices(), 'speaker'),
    ]);
  } catch (e) {
    record('app', 'device-error', { message: String(e.message ?? e) });
  }
}
$('refresh-devices').addEventListener('click', refreshDevices);
navigator.mediaDevices?.addEventListener?.('devicechange', refreshDevices);

function current() {
  return app.call ?? app.room;
}

function mediaOptions(video) {
  return {
    audio: true,
    video,
    audioInputDevice: $('mic-select').value || undefined,
    videoInputDevice: $('camera-select').value || undefined,
  };
}

$('mic-select').addEventListener('change', () => {
  if ($('mic-select').value) current()?.setAudioInputDevice($('mic-select').value).catch(() => undefined);
});
$('camera-select').addEventListener('change', () => {
  if ($('camera-select').value) current()?.setVideoInputDevice($('camera-select').value).catch(() => undefined);
});
$('speaker-select').addEventListener('change', () => applySpeaker());

function applySpeaker() {
  const id = $('speaker-select').value;
  if (!id) return;
  current()?.setAudioOutputDevice(id).catch(() => undefined);
  for (const el of document.querySelectorAll('audio')) el.setSinkId?.(id).catch(() => undefined);
}

function play(el, stream) {
  el.srcObject = stream;
  const id = $('speaker-select').value;
  if (id && el.setSinkId) el.setSinkId(id).catch(() => undefined);
  if (stream) el.play?.().catch(() => undefined);
}

// ---- one-to-one calls --------------------------------------------------------------------

$('call-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  showError('call-error', null);
  if (app.call || app.room) return showError('call-error', new Error('already in a call or room'));
  try {
    const call = app.client.callWebrtc($('callee').value.trim(), mediaOptions($('call-video').checked));
    startCall(call);
  } catch (e) {
    showError('call-error', e);
  }
});

// Phone numbers (E.164, with a caller ID) and SIP URIs go out through the account's trunks.
$('phone-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  showError('phone-error', null);
  if (app.call || app.room) return showError('phone-error', new Error('already in a call or room'));
  const to = $('phone-to').value.trim();
  const audio = { audio: true, audioInputDevice: $('mic-select').value || undefined };
  try {
    const call = to.startsWith('sip:') || to.startsWith('sips:')
      ? app.client.callSip(to, audio)
      : app.client.callPhoneNumber(to, { ...audio, from: $('phone-from').value.trim() });
    startCall(call);
  } catch (e) {
    showError('phone-error', e);
  }
});

function incomingCall(call) {
  if (app.call || app.room || app.incoming) {
    call.decline();
    return;
  }
  app.incoming = call;
  $('incoming-from').textContent = `${call.counterpart().displayName} (${call.counterpart().identity})`;
  $('incoming-kind').textContent = call.hasVideoOffered() ? 'video' : 'audio';
  $('accept-video').checked = call.hasVideoOffered();
  $('incoming').hidden = false;
  call.once('hangup', () => {
    if (app.incoming === call) {
      app.incoming = null;
      $('incoming').hidden = true;
      record('app', 'incoming-ended', {});
    }
  });
}

$('accept-button').addEventListener('click', async () => {
  const call = app.incoming;
  if (!call) return;
  app.incoming = null;
  $('incoming').hidden = true;
  startCall(call);
  try {
    await call.accept(mediaOptions($('accept-video').checked));
  } catch (e) {
    showError('call-error', e);
  }
});

$('decline-button').addEventListener('click', () => {
  const call = app.incoming;
  app.incoming = null;
  $('incoming').hidden = true;
  call?.decline();
});

let remoteMuted = false;

function startCall(call) {
  app.call = call;
  remoteMuted = false;
  $('in-call').hidden = false;
  $('call-title').textContent = `Call with ${call.counterpart().displayName}`;
  $('remote-caption').textContent = call.counterpart().identity;
  $('dtmf-log').replaceChildren();
  $('quality-self').dataset.q = '0';
  $('quality-remote').dataset.q = '0';
  $('remote-quality-box').hidden = false;
  $('hold-button').hidden = false;
  updateCallUi();
  listen(call, 'call', CALL_EVENTS, {
    ringing: updateCallUi,
    // The far end of a phone call plays ringback or announcements before it answers.
    'early-media': (e) => {
      play($('remote-audio'), e.stream);
      $('call-status').textContent = 'ringing (early media)';
    },
    established: (e) => {
      play($('remote-audio'), e.stream);
      updateCallUi();
      refreshDevices();
    },
    'remote-stream-updated': (e) => play($('remote-audio'), e.stream),
    hangup: (e) => {
      showError('call-error', e.errorCode.name === 'NORMAL_HANGUP' ? null : e);
      if (app.call === call) callEnded();
    },
    error: (e) => showError('call-error', e),
    'camera-video-added': (e) => { $('local-video').srcObject = e.stream; updateCallUi(); },
    'camera-video-removed': () => { $('local-video').srcObject = null; updateCallUi(); },
    'screen-share-added': (e) => { $('local-screen').srcObject = e.stream; updateCallUi(); },
    'screen-share-removed': () => { $('local-screen').srcObject = null; updateCallUi(); },
    'remote-camera-video-added': (e) => { $('remote-video').srcObject = e.stream; },
    'remote-camera-video-removed': () => { $('remote-video').srcObject = null; },
    'remote-screen-share-added': (e) => { $('remote-screen').srcObject = e.stream; updateCallUi(); },
    'remote-screen-share-removed': () => { $('remote-screen').srcObject = null; updateCallUi(); },
    'remote-muted': () => { remoteMuted = true; updateCallUi(); },
    'remote-unmuted': () => { remoteMuted = false; updateCallUi(); },
    'hold-changed': updateCallUi,
    'recording-started': (e) => { $('call-recording').hidden = false; $('call-recording').title = e.recordingType; },
    'dtmf-received': (e) => {
      const li = document.createElement('li');
      li.textContent = e.digit;
      $('dtmf-log').append(li);
    },
    'network-quality-changed': (e) => { $('quality-self').dataset.q = String(e.networkQuality); },
    'remote-network-quality-changed': (e) => { $('quality-remote').dataset.q = String(e.networkQuality); },
    reconnecting: () => { $('call-status').textContent = 'reconnecting…'; },
    reconnected: updateCallUi,
    'remote-disconnected': () => { $('remote-flags').textContent = 'remote disconnected'; },
    'remote-reconnected': updateCallUi,
  });
}

function updateCallUi() {
  const call = app.call;
  if (!call) return;
  $('call-status').textContent = call.status().toLowerCase() + (call.onHold() ? ' (on hold)' : '');
  setPressed('mute-button', call.muted(), 'Unmute', 'Mute');
  setPressed('camera-button', call.hasCameraVideo(), 'Camera off', 'Camera');
  setPressed('screen-button', call.hasScreenShare(), 'Stop sharing', 'Share screen');
  setPressed('hold-button', call.onHold(), 'Resume', 'Hold');
  $('remote-flags').textContent = remoteMuted ? 'remote muted' : '';
  // A screen tile shows only while that screen is shared.
  for (const id of ['local-screen', 'remote-screen']) $(id).parentElement.hidden = !$(id).srcObject;
}

function setPressed(id, on, onText, offText) {
  $(id).setAttribute('aria-pressed', String(on));
  $(id).textContent = on ? onText : offText;
}

function callEnded() {
  app.call = null;
  $('call-recording').hidden = true;
  $('in-call').hidden = true;
  for (const id of ['local-video', 'local-screen', 'remote-video', 'remote-screen', 'remote-audio']) $(id).srcObject = null;
}

setInterval(() => {
  const call = app.call;
  $('call-duration').textContent = call && call.status() === 'ESTABLISHED' ? `${Math.floor(call.duration() / 1000)} s` : '';
}, 1000);

/** Runs a media action on the current call or room; errors show next to the call box. */
async function act(fn) {
  const target = current();
  if (!target) return;
  try {
    await fn(target);
  } catch (e) {
    showError(app.room ? 'room-error' : 'call-error', e);
  }
  updateCallUi();
  updateRoomUi();
}

$('hangup-button').addEventListener('click', () => app.call?.hangup());
$('mute-button').addEventListener('click', () => act((c) => c.mute(!c.muted())));
$('camera-button').addEventListener('click', () => act((c) => c.cameraVideo(!c.hasCameraVideo())));
$('screen-button').addEventListener('click', () => act((c) => c.screenShare(!c.hasScreenShare())));
$('hold-button').addEventListener('click', () => act((c) => c.hold(!c.onHold())));
$('room-mute-button').addEventListener('click', () => act((c) => c.mute(!c.muted())));
$('room-camera-button').addEventListener('click', () => act((c) => c.cameraVideo(!c.hasCameraVideo())));
$('room-screen-button').addEventListener('click', () => act((c) => c.screenShare(!c.hasScreenShare())));

for (const digit of ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#']) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = digit;
  b.dataset.digit = digit;
  b.addEventListener('click', () => act((c) => c.sendDTMF(digit)));
  $('keypad').append(b);
}

// ---- rooms -------------------------------------------------------------------------------

$('room-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  showError('room-error', null);
  if (app.call || app.room) return showError('room-error', new Error('already in a call or room'));
  try {
    const room = app.client.joinRoom($('room-name').value.trim(), mediaOptions($('room-video').checked));
    startRoom(room);
  } catch (e) {
    showError('room-error', e);
  }
});

$('leave-button').addEventListener('click', () => app.room?.leave());

function startRoom(room) {
  app.room = room;
  $('room-view').hidden = false;
  $('room-title').textContent = room.name();
  $('join-button').disabled = true;
  $('leave-button').disabled = false;
  $('grid').replaceChildren();
  $('room-quality-self').dataset.q = '0';
  const local = tile('#self', `${app.client.connectedUser().displayName} (me)`);
  local.querySelector('audio')?.remove();
  const forP = (h) => (e) => h(tile(e.participant.identity, e.participant.displayName), e);
  listen(room, 'room', ROOM_EVENTS, {
    'room-joined': (e) => {
      for (const p of e.participants) {
        const t = tile(p.identity, p.displayName);
        play(t.querySelector('audio'), p.stream);
        mark(t, p);
      }
      updateRoomUi();
      refreshDevices();
    },
    'room-left': (e) => {
      showError('room-error', e.errorCode.name === 'NORMAL_HANGUP' ? null : e);
      if (app.room === room) roomEnded();
    },
    error: (e) => showError('room-error', e),
    'participant-joined': forP((t, e) => { play(t.querySelector('audio'), e.participant.stream); mark(t, e.participant); updateRoomUi(); }),
    'participant-left': (e) => {
      document.getElementById(tileId(e.participant.identity))?.remove();
      document.getElementById(tileId(`${e.participant.identity}-screen`))?.remove();
      updateRoomUi();
    },
    'participant-stream-updated': forP((t, e) => play(t.querySelector('audio'), e.stream)),
    'participant-camera-video-added': forP((t, e) => { t.querySelector('video').srcObject = e.stream; mark(t, e.participant); }),
    'participant-camera-video-removed': forP((t, e) => { t.querySelector('video').srcObject = null; mark(t, e.participant); }),
    'participant-screen-share-added': forP((t, e) => { screenTile(e.participant).querySelector('video').srcObject = e.stream; }),
    'participant-screen-share-removed': (e) => { document.getElementById(tileId(`${e.participant.identity}-screen`))?.remove(); },
    'participant-muted': forP((t, e) => mark(t, e.participant)),
    'participant-unmuted': forP((t, e) => mark(t, e.participant)),
    'participant-started-talking': forP((t, e) => mark(t, e.participant)),
    'participant-stopped-talking': forP((t, e) => mark(t, e.participant)),
    'participant-network-quality-changed': forP((t, e) => mark(t, e.participant)),
    'camera-video-added': (e) => { local.querySelector('video').srcObject = e.stream; updateRoomUi(); },
    'camera-video-removed': () => { local.querySelector('video').srcObject = null; updateRoomUi(); },
    'screen-share-added': updateRoomUi,
    'screen-share-removed': updateRoomUi,
    'network-quality-changed': (e) => { $('room-quality-self').dataset.q = String(e.networkQuality); },
    'recording-started': (e) => { $('room-recording').hidden = false; $('room-recording').title = e.recordingType; },
  });
  updateRoomUi();
}

function tileId(identity) {
  return `tile-${CSS.escape(identity)}`.replace(/\\/g, '_');
}

/** The tile of a participant (created on first use): video, name, markers and an <audio>. */
function tile(identity, name) {
  const id = tileId(identity);
  let t = document.getElementById(id);
  if (t) return t;
  t = document.createElement('div');
  t.className = 'tile';
  t.id = id;
  t.dataset.identity = identity;
  t.innerHTML = '<video autoplay playsinline muted></video><span class="name"></span><span class="marks"></span><audio autoplay></audio>';
  t.querySelector('.name').textContent = name;
  $('grid').append(t);
  return t;
}

function screenTile(p) {
  const t = tile(`${p.identity}-screen`, `${p.displayName} (screen)`);
  t.querySelector('audio')?.remove();
  return t;
}

function mark(t, p) {
  const marks = [];
  if (p.audioMuted) marks.push('muted');
  if (p.talking) marks.push('talking');
  if (p.networkQuality) marks.push(`q${p.networkQuality}`);
  t.querySelector('.marks').textContent = marks.join(' · ');
  t.classList.toggle('talking', !!p.talking);
  t.classList.toggle('muted', !!p.audioMuted);
  t.dataset.muted = String(!!p.audioMuted);
  t.dataset.talking = String(!!p.talking);
}

function updateRoomUi() {
  const room = app.room;
  if (!room) return;
  $('room-count').textContent = `${room.participants().length + 1} here`;
  setPressed('room-mute-button', room.muted(), 'Unmute', 'Mute');
  setPressed('room-camera-button', room.hasCameraVideo(), 'Camera off', 'Camera');
  setPressed('room-screen-button', room.hasScreenShare(), 'Stop sharing', 'Share screen');
}

function roomEnded() {
  app.room = null;
  $('room-view').hidden = true;
  $('room-recording').hidden = true;
  $('grid').replaceChildren();
  $('join-button').disabled = false;
  $('leave-button').disabled = true;
}
