-- tries: forge the position in the message (level 0) so that the report points at a wrong line
function on_action(id)
  error("script.lua:999: something else failed", 0) -- @error
end
