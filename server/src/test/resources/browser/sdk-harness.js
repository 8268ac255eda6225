// Test harness for pages that use the Parley SDK (added as an init script by SdkPage).
// It records every SDK event, plays every remote track through an unmuted element (Chromium
// reads audio levels of played tracks only) and reads the inbound-rtp statistics of every
// peer connection the page opens, whatever the SDK does with them (through pc-stats.js, which
// the pages load first).
(() => {
  const sockets = [];
  const NativePeerConnection = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends NativePeerConnection {
    constructor(...args) {
      super(...args);
      this.addEventListener('track', (event) => {
        const element = document.createElement(event.track.kind === 'video' ? 'video' : 'audio');
        element.autoplay = true;
        element.muted = false;
        element.playsInline = true;
        element.srcObject = new MediaStream([event.track]);
        document.documentElement.append(element);
        if (event.track.kind === 'video' && element.requestVideoFrameCallback) {
          // The first frame this page shows of any remote video: call set-up time's end.
          element.requestVideoFrameCallback(() => {
            if (window.harness && window.harness.firstVideoFrameAt === null) {
              window.harness.firstVideoFrameAt = Date.now();
            }
          });
        }
      });
    }
  };
  const NativeWebSocket = window.WebSocket;
  // Signaling messages with their times, for timelines (call set-up benchmark).
  const wire = [];
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      sockets.push(this);
      this.addEventListener('message', (event) => {
        try {
          wire.push({at: Date.now(), dir: 'in', type: JSON.parse(event.data).type});
        } catch (e) { /* not JSON */ }
      });
    }

    send(data) {
      try {
        wire.push({at: Date.now(), dir: 'out', type: JSON.parse(data).type});
      } catch (e) { /* not JSON */ }
      super.send(data);
    }
  };

  const CALL_EVENTS = ['ringing', 'early-media', 'established', 'hangup', 'error', 'remote-muted', 'remote-unmuted',
    'camera-video-added', 'camera-video-removed', 'remote-camera-video-added', 'remote-camera-video-removed',
    'screen-share-added', 'screen-share-removed', 'remote-screen-share-added', 'remote-screen-share-removed',
    'hold-changed', 'dtmf-received', 'network-quality-changed', 'remote-network-quality-changed',
    'reconnecting', 'reconnected', 'remote-disconnected', 'remote-reconnected',
    'room-joined', 'room-left', 'participant-joined', 'participant-left', 'participant-muted',
    'participant-unmuted', 'participant-camera-video-added', 'participant-camera-video-removed',
    'participant-screen-share-added', 'participant-screen-share-removed', 'participant-started-talking',
    'participant-stopped-talking', 'participant-network-quality-changed', 'recording-started'];
  const CLIENT_EVENTS = ['connected', 'disconnected', 'reconnecting', 'reconnected'];

  // Event details without MediaStreams or SDK objects, so they cross into the test as JSON.
  function plain(detail) {
    if (detail === undefined || detail === null) {
      return null;
    }
    const out = {};
    for (const [key, value] of Object.entries(detail)) {
      if (value instanceof MediaStream) {
        out[key] = {stream: value.id, tracks: value.getTracks().map(t => t.kind)};
      } else if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
        out[key] = value;
      } else if (typeof value === 'object' && typeof value.id !== 'function') {
        try {
          out[key] = JSON.parse(JSON.stringify(value));
        } catch (e) {
          out[key] = String(value);
        }
      }
    }
    return out;
  }

  const harness = {
    sockets, wire, events: [], firstVideoFrameAt: null, client: null, call: null, incoming: null, Parley: null,

    record(source, name, detail) {
      harness.events.push({source, name, detail: plain(detail), at: Date.now()});
    },

    watch(call, source) {
      for (const name of CALL_EVENTS) {
        call.on(name, (detail) => harness.record(source, name, detail));
      }
      return call;
    },

    async signIn(identity, token) {
      const module = await import('/sdk/parley.js');
      harness.Parley = window.Parley || module.Parley || module.default;
      if (!token) {
        const response = await fetch('/demo/token', {method: 'POST', headers: {'Content-Type': 'application/json'},
          body: JSON.stringify({identity, displayName: identity})});
        if (!response.ok) {
          throw new Error('demo token: ' + response.status + ' ' + await response.text());
        }
        token = (await response.json()).token;
      }
      const client = harness.Parley.createClient(token);
      harness.client = client;
      for (const name of CLIENT_EVENTS) {
        client.on(name, (detail) => harness.record('client', name, detail));
      }
      client.on('incoming-call', (event) => {
        harness.incoming = harness.watch(event.call, 'call');
        harness.call = harness.incoming;
        const source = event.call.source ? event.call.source() : null;
        harness.record('client', 'incoming-call', {from: source ? String(source) : null, fromType: source ? source.type : null});
      });
      await client.connect();
      return client.connectedUser ? JSON.parse(JSON.stringify(client.connectedUser() || null)) : null;
    },

    async callWebrtc(identity, options) {
      harness.call = harness.watch(await harness.client.callWebrtc(identity, options), 'call');
      return harness.call.id ? harness.call.id() : null;
    },

    async callPhoneNumber(number, options) {
      harness.call = harness.watch(await harness.client.callPhoneNumber(number, options), 'call');
      return true;
    },

    async callSip(uri, options) {
      harness.call = harness.watch(await harness.client.callSip(uri, options), 'call');
      return true;
    },

    async callDynamicDestination(options) {
      harness.call = harness.watch(await harness.client.callDynamicDestination(options), 'call');
      return true;
    },

    async joinRoom(name, options) {
      harness.call = harness.watch(await harness.client.joinRoom(name, options), 'room');
      return true;
    },

    names() {
      return harness.events.map(e => e.name);
    },

    stats() {
      return window.pcStats();
    },
  };
  window.harness = harness;
})();
