-- tries: rewriting a field with a long text again and again
function on_action(id)
  local t = string.rep("z", 8000)
  for i = 1, 10000000 do
    sim.set_field("passport", "surname", t .. i) -- @error
  end
end
