"""The live coverage: the dates and figures of one window, the dock with the published table and the charts."""
