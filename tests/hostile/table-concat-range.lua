-- tries: table.concat over a huge explicit range of an empty table
function on_action(id)
  return table.concat({}, "", 1, 1 << 40) -- @error
end
