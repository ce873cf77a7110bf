// A script that must not load: the living docs report its problems instead of a page.
procedure('broken') {
    initial 'nowhere'
    state('idle') { }
}
