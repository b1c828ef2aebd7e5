"""The live coverage on screen: the dock with the published table, its dates and the charts."""
