"""Pelita's REST API for other agencies' systems (/api/v1/): tokens, their auth and limits,
the one error shape, and the NinjaAPI that mounts the routers each capability contributes."""
