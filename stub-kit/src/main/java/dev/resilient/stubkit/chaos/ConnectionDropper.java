package dev.resilient.stubkit.chaos;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * Drops a connection the way a crashed peer does: a TCP RST (SO_LINGER 0), at once. Vert.x'
 * public {@code HttpConnection.close()} is a graceful, asynchronous close that can still let an
 * answer out, so this reaches the Netty channel through Vert.x' internal {@link ConnectionBase}
 * and falls back to the public close if that ever changes.
 */
final class ConnectionDropper {

    private ConnectionDropper() {
    }

    static void drop(HttpConnection connection) {
        if (connection instanceof ConnectionBase base) {
            Channel channel = base.channel();
            channel.config().setOption(ChannelOption.SO_LINGER, 0);
            channel.close();
        } else {
            connection.close();
        }
    }
}
