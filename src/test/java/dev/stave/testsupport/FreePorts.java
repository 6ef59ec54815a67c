package dev.stave.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Free TCP ports on the loopback address, for servers that must be told their port before they
 * start (PostgreSQL, HAProxy's frontend, a node that restarts on the port its load balancer knows).
 * The port is free when found; a caller that can lose it to another process retries.
 */
public final class FreePorts {
  private FreePorts() {}

  public static int find() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
