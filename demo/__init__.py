"""The demo province: synthetic instansi, OPDs, employees, campaigns, requests and users for
``make run`` and the tests. The only package that imports every app; nothing imports it but
tests, benches and its own ``seed_demo`` command. Every person in it is fictional."""
