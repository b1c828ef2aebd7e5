"""Use cases shared by the command line and the GUI: reports, demo data, imports, exports. No Qt."""
