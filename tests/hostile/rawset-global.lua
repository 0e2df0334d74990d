-- tries: rawset on _G (rawset is not allowed) to bypass a metatable
function on_action(id)
  rawset(_G, "io", {}) -- @error
end
