package org.egovsuite.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.egovsuite.config.ConfigException;

/**
 * Asks a standalone or Kubernetes master whether it is there before Spark starts: Spark's own
 * client retries an unreachable standalone master for about a minute and then reports it only in
 * the log. Each address gets {@value #TIMEOUT_MILLIS} ms to accept a TCP connection; none answering
 * stops the command with one line naming them (exit 3).
 */
final class SparkMasters {
  static final int TIMEOUT_MILLIS = 5_000;

  private SparkMasters() {}

  static void requireReachable(String master) {
    List<InetSocketAddress> addresses = addresses(master);
    if (addresses.isEmpty()) {
      return; // local, yarn (found through the Hadoop configuration), or spark-submit's
    }
    List<String> problems = new ArrayList<>();
    for (InetSocketAddress address : addresses) {
      try (Socket socket = new Socket()) {
        socket.connect(address, TIMEOUT_MILLIS);
        return;
      } catch (IOException e) {
        problems.add(
            address.getHostString() + ":" + address.getPort() + " (" + e.getMessage() + ")");
      }
    }
    throw new ConfigException(
        "--master "
            + master
            + ": no Spark master answers at "
            + String.join(", ", problems)
            + " within "
            + TIMEOUT_MILLIS / 1000
            + " s; is the master running and the address right?");
  }

  /**
   * spark://h1:7077,h2:7077 (standby masters) and k8s://https://api:6443; nothing for other
   * masters.
   */
  static List<InetSocketAddress> addresses(String master) {
    List<InetSocketAddress> out = new ArrayList<>();
    if (master == null) {
      return out;
    }
    if (master.startsWith("spark://")) {
      for (String hostPort : master.substring("spark://".length()).split(",")) {
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        int port =
            colon < 0
                ? 7077
                : Integer.parseInt(hostPort.substring(colon + 1).replaceAll("/.*", ""));
        out.add(InetSocketAddress.createUnresolved(host, port));
      }
    } else if (master.startsWith("k8s://")) {
      URI api = URI.create(master.substring("k8s://".length()));
      int port = api.getPort() > 0 ? api.getPort() : "http".equals(api.getScheme()) ? 80 : 443;
      out.add(InetSocketAddress.createUnresolved(api.getHost(), port));
    }
    return out.stream().map(a -> new InetSocketAddress(a.getHostString(), a.getPort())).toList();
  }
}
