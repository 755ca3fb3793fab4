"""The one validation layer: every text a person sends is cleaned and measured here, whichever adapter it came by."""
