-- tries: table.move over a huge range of nils (a C loop with no allocation and no instructions)
function on_action(id)
  table.move({}, 1, 1 << 40, 2) -- @error
end
