package dev.diag.protocol.handshake;

import dev.diag.protocol.frame.FrameOpener;
import dev.diag.protocol.frame.FrameSealer;

/** The two per-direction keys of one authenticated session. */
public record SessionKeys(byte[] clientToAgent, byte[] agentToClient) {

    public FrameSealer clientSealer() {
        return new FrameSealer(clientToAgent);
    }

    public FrameOpener clientOpener() {
        return new FrameOpener(agentToClient);
    }

    public FrameSealer agentSealer() {
        return new FrameSealer(agentToClient);
    }

    public FrameOpener agentOpener() {
        return new FrameOpener(clientToAgent);
    }

    @Override
    public String toString() {
        return "SessionKeys[redacted]";
    }
}
