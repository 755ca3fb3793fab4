"""Getting started on a server: `tandem init`, `tandem health` and `tandem --version`."""
