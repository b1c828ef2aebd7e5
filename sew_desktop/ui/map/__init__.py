"""The status map: municipalities coloured by their agreement status, in the coverage dock and its own window."""
