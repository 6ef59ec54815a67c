package dev.stave.access.limits;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An IP address or a CIDR network ({@code 127.0.0.0/8}, {@code ::1}, {@code 2001:db8::/32}), parsed
 * from literals only: no name is ever looked up.
 */
final class AddressRange {
  private final byte[] network;
  private final int prefix;

  private AddressRange(byte[] network, int prefix) {
    this.network = network.clone();
    this.prefix = prefix;
  }

  /**
   * Parses {@code ADDRESS} or {@code ADDRESS/PREFIX}.
   *
   * @throws IllegalArgumentException when it is neither
   */
  static AddressRange parse(String text) {
    String t = text.strip();
    int slash = t.indexOf('/');
    byte[] address = literal(slash < 0 ? t : t.substring(0, slash));
    if (address == null) {
      throw new IllegalArgumentException("not an IP address or network: '" + text + "'");
    }
    int bits = address.length * 8;
    int prefix = bits;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(t.substring(slash + 1));
      } catch (NumberFormatException e) {
        prefix = -1;
      }
      if (prefix < 0 || prefix > bits) {
        throw new IllegalArgumentException("bad network prefix in '" + text + "'");
      }
    }
    return new AddressRange(address, prefix);
  }

  /** True when {@code address} (raw bytes, 4 or 16) lies in this range. */
  boolean contains(byte[] address) {
    if (address == null || address.length != network.length) {
      return false;
    }
    int full = prefix / 8;
    if (!Arrays.equals(address, 0, full, network, 0, full)) {
      return false;
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (address[full] & mask) == (network[full] & mask);
  }

  /**
   * The bytes of an IP literal (an IPv4-mapped IPv6 address gives its IPv4 bytes), or null when
   * {@code text} is not one.
   */
  static byte[] literal(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    boolean v4 = t.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    boolean v6 =
        t.indexOf(':') >= 0
            && t.chars()
                .allMatch(
                    c ->
                        c == ':'
                            || c == '.'
                            || c == '['
                            || c == ']'
                            || Character.digit(c, 16) >= 0
                            || c == '%');
    if (!v4 && !v6) {
      return null;
    }
    try {
      // a literal: getByName parses it without a name lookup
      return InetAddress.getByName(t).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AddressRange r && prefix == r.prefix && Arrays.equals(network, r.network);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(network) + prefix;
  }

  @Override
  public String toString() {
    try {
      return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
    } catch (UnknownHostException e) {
      return Arrays.toString(network) + "/" + prefix;
    }
  }
}
