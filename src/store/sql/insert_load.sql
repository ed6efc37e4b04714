INSERT INTO loads (started_at, inputs, options, tool_version)
VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), :inputs, :options, :tool_version)
