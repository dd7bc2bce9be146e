"""Built-in plugins. Every module here is registered through the same path as a third-party plugin
(see :func:`auditor.plugins.builtin_plugins`) and can be disabled by its name, e.g.
``--disable plugin:auditor.builtin.typography``."""
