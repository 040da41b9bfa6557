"""The room (issue 14): participants rate and vote from their own phones.

Pure domain code, no Textual and no aiohttp: the round's state, what a participant may send
(:mod:`workshop.room.state`), the tallies shown on reveal (:mod:`workshop.room.results`),
writing accepted answers into the session (:mod:`workshop.room.accept`), request rate limits
(:mod:`workshop.room.limits`) and the machine's addresses to offer (:mod:`workshop.room.addresses`).
The HTTP server that carries the protocol is :mod:`workshop.room.server` (imports aiohttp: import
it only when a room is opened); the participant's page is :mod:`workshop.room.page`.
"""
