"""The status map drawn: municipalities coloured by their agreement status (scene, legend, widget, pictures)."""
