// Parley demo: publish with WHIP, play back with WHEP (RFC 9725 and the WHEP draft), using
// nothing but browser APIs. The API key stays in this browser: it is sent only to this
// server's own token endpoint, to mint a short-lived identity token for the media requests.

const $ = (id) => document.getElementById(id);
const state = { publisher: null, player: null, whipLocation: null, whepLocation: null, token: null };

function setStatus(text) { $('status').textContent = text; }

async function mintToken(apiKey) {
  const identity = 'demo-' + Math.random().toString(36).slice(2, 10);
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

async function play(room, token) {
  const pc = new RTCPeerConnection();
  pc.addTransceiver('audio', { direction: 'recvonly' });
  pc.addTransceiver('video', { direction: 'recvonly' });
  const remote = new MediaStream();
  pc.ontrack = (event) => {
    remote.addTrack(event.track);
    if (event.track.kind === 'video') $('remote').srcObject = new MediaStream([event.track]);
    else $('remoteAudio').srcObject = new MediaStream([event.track]);
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
    state.token = await mintToken(apiKey);
    setStatus('Opening camera and microphone…');
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
    $('local').srcObject = stream;
    setStatus('Publishing with WHIP…');
    state.publisher = await publish(room, state.token, stream);
    setStatus('Playing back with WHEP…');
    state.player = await play(room, state.token);
    state.player.onconnectionstatechange = () => setStatus('Playback: ' + state.player.connectionState);
    $('stop').disabled = false;
  } catch (error) {
    setStatus('Failed: ' + error.message);
    $('start').disabled = false;
  }
}

async function stop() {
  for (const [pc, url] of [[state.player, state.whepLocation], [state.publisher, state.whipLocation]]) {
    if (url) await fetch(url, { method: 'DELETE', headers: { 'Authorization': 'Bearer ' + state.token } });
    if (pc) pc.close();
  }
  Object.assign(state, { publisher: null, player: null, whipLocation: null, whepLocation: null });
  $('remote').srcObject = null;
  $('stop').disabled = true;
  $('start').disabled = false;
  setStatus('Stopped.');
}

// For tests and the curious: what the playback connection has received so far.
async function playbackStats() {
  const result = { framesDecoded: 0, totalAudioEnergy: 0, connectionState: state.player?.connectionState ?? 'none' };
  if (!state.player) return result;
  (await state.player.getStats()).forEach((report) => {
    if (report.type === 'inbound-rtp' && report.kind === 'video') result.framesDecoded += report.framesDecoded || 0;
    if (report.type === 'inbound-rtp' && report.kind === 'audio') result.totalAudioEnergy += report.totalAudioEnergy || 0;
  });
  return result;
}

window.parleyDemo = { playbackStats, state };
$('apiKey').value = sessionStorage.getItem('parley.apiKey') || '';
$('settings').addEventListener('submit', start);
$('stop').addEventListener('click', stop);
