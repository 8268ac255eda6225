// Init script that keeps the page's peer connections to read their inbound-rtp statistics
// (window.pcStats). Alone, for pages that play media themselves (the call page), it adds no
// elements, so audio energy rises only if the page itself plays the remote audio;
// sdk-harness.js, loaded after it, adds the playing elements and reads its statistics here.
(() => {
  const pcs = [];
  const NativePeerConnection = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends NativePeerConnection {
    constructor(...args) {
      super(...args);
      pcs.push(this);
    }
  };
  window.pcStats = async () => {
    const out = {videoFrames: 0, videos: [], audioEnergy: 0, audioPackets: 0, pcs: pcs.length};
    for (const pc of pcs) {
      if (pc.connectionState === 'closed') {
        continue;
      }
      const report = await pc.getStats();
      report.forEach((s) => {
        if (s.type !== 'inbound-rtp') {
          return;
        }
        if (s.kind === 'video') {
          out.videos.push({mid: s.mid, framesDecoded: s.framesDecoded || 0});
          out.videoFrames += s.framesDecoded || 0;
        } else if (s.kind === 'audio') {
          out.audioEnergy += s.totalAudioEnergy || 0;
          out.audioPackets += s.packetsReceived || 0;
        }
      });
    }
    return out;
  };
})();
