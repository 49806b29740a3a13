"""The national system's IP-ASN values: their import and the differences with ours."""
