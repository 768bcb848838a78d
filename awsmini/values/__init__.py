"""Stage 6: raw command-line strings -> Python values, driven by the model.

`shorthand` parses v2's shorthand syntax (pure), `paramfile` reads `file://`
and `fileb://` values through `Env`, and `unpack` decides, per argument, which
of them applies and converts the result to the member's types.
"""
