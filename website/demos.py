"""The demo center's parts: each app with demo content registers its module (one with a
`seed(stdout)` function) in its `AppConfig.ready()`, and `seed_demo` runs them in the
order the apps are installed, which puts each app after the apps it builds on. The module
is imported only when the demo is loaded, never when the site starts."""

_modules: list[str] = []


def provide(module: str) -> None:
    """Add `module` (a dotted path, such as "blog.demo") to the demo, once."""
    if module not in _modules:
        _modules.append(module)


def modules() -> tuple[str, ...]:
    return tuple(_modules)
