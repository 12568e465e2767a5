"""The monitoring desk: the web app of `rasd serve`, its JSON API, its pages and the drawings they embed."""
