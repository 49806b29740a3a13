"""Project configuration: settings from the environment, URL map, WSGI/ASGI entry points."""
