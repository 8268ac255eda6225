// Parley demo: publish with WHIP, play back with WHEP (RFC 9725 and the WHEP draft), using
// nothing but browser APIs. The API key stays in this browser: it is sent only to this
// server's own token endpoint, to mint a short-lived identity token for the media requests.

const $ = (id) => document.getElementById(id);
const state = { publisher: null, player: null, whipLocation: null, whepLocation: null, token: null };

function setStatus(text) { $('status').textContent = text; }

async function mintToken(apiKey, role = 'user') {
  // One identity per role: a WHEP player gets the room's tracks except its own identity's.
  const identity = 'demo-' + role + '-' + Math.random().toString(36).slice(2, 10);
  const response = await fetch('/webrtc/1/token', {
    method: 'POST',
    headers: { 'Authorization': 'App ' + apiKey, 'Content-Type': 'application/json' },
    body: JSON.stringify({ identity, displayName: 'Demo user', timeToLive: 3600 }),
  });
  if (!response.ok) throw new Error('token: ' + (await problemText(response)));
  return (await response.json()).token;
}

async function problemText(response) {
  try { const p = await response.json(); return p.detail || p.title || response.status; }
  catch { return String(response.status); }
}

async function exchange(url, token, pc) {
  const offer = await pc.createOffer();
  await pc.setLocalDescription(offer);
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/sdp', 'Authorization': 'Bearer ' + token },
    body: offer.sdp,
  });
  if (response.status !== 201) throw new Error(url + ': ' + (await problemText(response)));
  await pc.setRemoteDescription({ type: 'answer', sdp: await response.text() });
  return new URL(response.headers.get('Location'), location.href).toString();
}

async function publish(room, token, stream) {
  const pc = new RTCPeerConnection();
  for (const track of stream.getTracks()) pc.addTransceiver(track, { direction: 'sendonly' });
  state.whipLocation = await exchange('/whip/' + encodeURIComponent(room), token, pc);
  return pc;
}

async function play(room, token, { videos = 1, audios = 1 } = {}) {
  const pc = new RTCPeerConnection();
  for (let i = 0; i < audios; i++) pc.addTransceiver('audio', { direction: 'recvonly' });
  for (let i = 0; i < videos; i++) pc.addTransceiver('video', { direction: 'recvonly' });
  // Every remote track gets an element of its own: Chromium decodes and measures what is played.
  pc.ontrack = (event) => {
    const stream = new MediaStream([event.track]);
    if (event.track.kind === 'video') {
      const target = $('remote').srcObject ? document.createElement('video') : $('remote');
      if (target !== $('remote')) {
        Object.assign(target, { autoplay: true, playsInline: true });
        document.querySelector('.videos').append(target);
      }
      target.srcObject = stream;
    } else {
      const audio = $('remoteAudio').srcObject ? new Audio() : $('remoteAudio');
      audio.autoplay = true;
      audio.srcObject = stream;
      if (audio !== $('remoteAudio')) document.body.append(audio);
    }
  };
  state.whepLocation = await exchange('/whep/' + encodeURIComponent(room), token, pc);
  return pc;
}

async function start(event) {
  event.preventDefault();
  const apiKey = $('apiKey').value.trim();
  const room = $('room').value.trim();
  $('start').disabled = true;
  try {
    sessionStorage.setItem('parley.apiKey', apiKey);
    setStatus('Getting a token…');
    state.token = await mintToken(apiKey, 'publisher');
    const viewerToken = await mintToken(apiKey, 'viewer');
    setStatus('Opening camera and microphone…');
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
    $('local').srcObject = stream;
    setStatus('Publishing with WHIP…');
    state.publisher = await publish(room, state.token, stream);
    setStatus('Playing back with WHEP…');
    state.player = await play(room, viewerToken);
    state.viewerToken = viewerToken;
    state.player.onconnectionstatechange = () => setStatus('Playback: ' + state.player.connectionState);
    $('stop').disabled = false;
  } catch (error) {
    setStatus('Failed: ' + error.message);
    $('start').disabled = false;
  }
}

async function stop() {
  for (const [pc, url, token] of [[state.player, state.whepLocation, state.viewerToken],
                                  [state.publisher, state.whipLocation, state.token]]) {
    if (url) await fetch(url, { method: 'DELETE', headers: { 'Authorization': 'Bearer ' + token } });
    if (pc) pc.close();
  }
  Object.assign(state, { publisher: null, player: null, whipLocation: null, whepLocation: null });
  $('remote').srcObject = null;
  $('stop').disabled = true;
  $('start').disabled = false;
  setStatus('Stopped.');
}

// For tests and the curious: what a connection has received so far, per inbound stream.
async function receiveStats(pc = state.player) {
  const result = { framesDecoded: 0, totalAudioEnergy: 0, videos: [], connectionState: pc?.connectionState ?? 'none' };
  if (!pc) return result;
  (await pc.getStats()).forEach((report) => {
    if (report.type !== 'inbound-rtp') return;
    if (report.kind === 'video') {
      result.framesDecoded += report.framesDecoded || 0;
      result.videos.push({ mid: report.mid, framesDecoded: report.framesDecoded || 0, nackCount: report.nackCount || 0,
        pliCount: report.pliCount || 0, packetsLost: report.packetsLost || 0, width: report.frameWidth || 0 });
    }
    if (report.kind === 'audio') result.totalAudioEnergy += report.totalAudioEnergy || 0;
  });
  return result;
}

window.parleyDemo = { mintToken, publish, play, receiveStats, playbackStats: () => receiveStats(state.player), state };
$('apiKey').value = sessionStorage.getItem('parley.apiKey') || '';
$('settings').addEventListener('submit', start);
$('stop').addEventListener('click', stop);
