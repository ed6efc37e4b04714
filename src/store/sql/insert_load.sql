-- A load run. The options' "fields" (the field mapping) goes to its own column.
INSERT INTO loads (started_at, inputs, options, fields, tool_version)
VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), :inputs, json_remove(:options, '$.fields'),
        json_extract(:options, '$.fields'), :tool_version)
