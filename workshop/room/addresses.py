"""The machine's network addresses, for the facilitator to pick the one the room's Wi-Fi reaches.

The room listens on 127.0.0.1 (this machine only) unless the facilitator names another
address.  Found without sending anything: the addresses of the host name, the address a
datagram socket would leave from (``connect`` on UDP sends no packet), and on Linux each
interface's address.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import struct
import sys

LOOPBACK = "127.0.0.1"
ALL = "0.0.0.0"


def _interface_addresses() -> list[str]:
    if not sys.platform.startswith("linux"):
        return []
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not Linux
        return []
    found: list[str] = []
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        for _index, name in socket.if_nameindex():
            with contextlib.suppress(OSError):
                packed = struct.pack("256s", name.encode()[:15])
                answer = fcntl.ioctl(probe.fileno(), 0x8915, packed)  # SIOCGIFADDR
                found.append(socket.inet_ntoa(answer[20:24]))
    return found


def _outgoing_address() -> list[str]:
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("192.0.2.1", 9))  # TEST-NET-1: a route is looked up, nothing is sent
        return [probe.getsockname()[0]]
    return []


def _host_addresses() -> list[str]:
    with contextlib.suppress(OSError):
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
        return [str(info[4][0]) for info in infos]
    return []


def machine_addresses() -> list[str]:
    """IPv4 addresses to offer, 127.0.0.1 first, then the others (private networks first)."""
    seen: dict[str, None] = {LOOPBACK: None}
    for address in _outgoing_address() + _interface_addresses() + _host_addresses():
        with contextlib.suppress(ValueError):
            ip = ipaddress.IPv4Address(address)
            if not ip.is_loopback and not ip.is_unspecified and not ip.is_link_local:
                seen[str(ip)] = None
    others = sorted((a for a in seen if a != LOOPBACK), key=lambda a: (not ipaddress.IPv4Address(a).is_private, a))
    return [LOOPBACK, *others]


def reachable_from(host: str) -> str:
    """Who can reach a room bound to ``host``, in plain words."""
    if host == LOOPBACK or host == "localhost":
        return "Only this machine can join (127.0.0.1)."
    if host == ALL:
        return "Anyone on any network this machine is on can join with the room code."
    return f"Anyone on the network of {host} who has the room code can join."


def join_host(host: str) -> str:
    """The address to print in the join link (0.0.0.0 is not an address a phone can open)."""
    if host == ALL:
        others = [a for a in machine_addresses() if a != LOOPBACK]
        return others[0] if others else LOOPBACK
    return host
