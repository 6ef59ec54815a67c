package dev.stave.access.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AddressRangeTest {
  private static boolean in(String range, String address) {
    return AddressRange.parse(range).contains(AddressRange.literal(address));
  }

  @Test
  void networksContainTheirAddressesOnly() {
    assertThat(in("127.0.0.0/8", "127.45.1.2")).isTrue();
    assertThat(in("127.0.0.0/8", "128.0.0.1")).isFalse();
    assertThat(in("10.1.2.3", "10.1.2.3")).isTrue();
    assertThat(in("10.1.2.3", "10.1.2.4")).isFalse();
    assertThat(in("192.168.0.0/23", "192.168.1.255")).isTrue();
    assertThat(in("192.168.0.0/23", "192.168.2.0")).isFalse();
    assertThat(in("::1", "0:0:0:0:0:0:0:1")).isTrue();
    assertThat(in("2001:db8::/32", "2001:db8:ffff::1")).isTrue();
    assertThat(in("2001:db8::/32", "2001:db9::1")).isFalse();
    assertThat(in("0.0.0.0/0", "8.8.8.8")).isTrue();
    // an IPv4-mapped IPv6 address is its IPv4 address; IPv4 ranges never hold IPv6 ones
    assertThat(in("127.0.0.0/8", "::ffff:127.0.0.1")).isTrue();
    assertThat(in("0.0.0.0/0", "::2")).isFalse();
  }

  @Test
  void onlyLiteralsAreAccepted() {
    assertThat(AddressRange.literal("localhost")).isNull();
    assertThat(AddressRange.literal("")).isNull();
    assertThatThrownBy(() -> AddressRange.parse("example.org"))
        .hasMessageContaining("not an IP address or network: 'example.org'");
    assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/33"))
        .hasMessageContaining("bad network prefix");
  }

  @Test
  void callersAreKeyedByAddressAndIpv6ByItsSlash64() {
    assertThat(RateLimiter.callerKey(AddressRange.literal("10.0.0.7"), "10.0.0.7"))
        .isEqualTo("10.0.0.7");
    assertThat(RateLimiter.callerKey(AddressRange.literal("2001:db8:1:2::5"), "2001:db8:1:2::5"))
        .isEqualTo("20010db800010002::/64");
    assertThat(RateLimiter.callerKey(null, null)).isEqualTo("unknown");
  }
}
