"""Personnel services: the published catalogue (Standar Pelayanan with its 14 components),
requests with their documents, the disposition workflow as data, SLA clocks in office hours,
the products (PDF letters with a verification QR code) and the public tracker."""
