#!/usr/bin/env python3
"""A TCP relay for bench/faults-smtp.sh: an SMTP server that changes its mind without a restart.

    smtp-switch.py LISTEN_PORT FIRST_UPSTREAM_PORT SECOND_UPSTREAM_PORT

Listens on 127.0.0.1:LISTEN_PORT and relays every connection to 127.0.0.1:<upstream>, starting
with the first upstream. SIGUSR1 sends new connections to the second upstream from then on;
connections already open stay with the one they have, so a session under way ends as it began
(a server that recovers does not cut its sessions). SIGUSR2 goes back to the first upstream and
closes every connection open at that moment (a server that is reconfigured drops its idle ones;
the run switches back only once nothing is being sent). Every switch is logged on stderr.
"""
import asyncio
import signal
import sys
import time


def main() -> None:
    listen_port, first, second = (int(arg) for arg in sys.argv[1:4])
    upstreams = (first, second)
    state = {"current": 0}
    open_writers: set[asyncio.StreamWriter] = set()

    def log(text: str) -> None:
        print(f"[smtp-switch {time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)

    async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            writer.close()

    async def relay(client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter) -> None:
        try:
            server_reader, server_writer = await asyncio.open_connection("127.0.0.1", upstreams[state["current"]])
        except OSError:
            client_writer.close()
            return
        pair = {client_writer, server_writer}
        open_writers.update(pair)
        try:
            await asyncio.gather(pipe(client_reader, server_writer), pipe(server_reader, client_writer))
        finally:
            open_writers.difference_update(pair)

    def to_second() -> None:
        state["current"] = 1
        log(f"new connections go to port {second}; {len(open_writers) // 2} open ones stay where they are")

    def to_first() -> None:
        state["current"] = 0
        closed = len(open_writers) // 2
        for writer in list(open_writers):
            writer.close()
        log(f"new connections go to port {first}; {closed} open ones closed")

    async def serve() -> None:
        loop = asyncio.get_running_loop()
        loop.add_signal_handler(signal.SIGUSR1, to_second)
        loop.add_signal_handler(signal.SIGUSR2, to_first)
        loop.add_signal_handler(signal.SIGTERM, loop.stop)
        server = await asyncio.start_server(relay, "127.0.0.1", listen_port, backlog=1000)
        log(f"listening on {listen_port}, relaying to {first}")
        async with server:
            await server.serve_forever()

    try:
        asyncio.run(serve())
    except RuntimeError:
        pass  # stopped by SIGTERM


if __name__ == "__main__":
    main()
